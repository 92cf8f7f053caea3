import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import type { MeasuringKind } from '../../../common/devices';
import type { Language } from '../../../common/language';
import type { MeasurementOf } from '../../../common/measurements';
import { HeartPictogram, ThermometerPictogram } from '../components/pictograms';
import { formatCelsius, formatOximetry } from '../i18n/measurement-format';

/** How a reading reads on screen: the big value, and a line under it. */
export interface ReadingText {
  value: string;
  detail: string | null;
}

/** What the screens need to show one kind of device. Its words live under the kind's key in i18n/fr.ts. */
export interface DeviceView<K extends MeasuringKind> {
  pictogram(className: string): ReactNode;
  /** Null for a value no body can have: it is then not shown at all. */
  reading(measurement: MeasurementOf<K>, language: Language, t: TFunction): ReadingText | null;
}

/** One entry per measuring kind: adding a kind adds an entry here, its words and its pictogram. */
export const DEVICE_VIEWS: { readonly [K in MeasuringKind]: DeviceView<K> } = {
  thermometer: {
    pictogram: (className) => <ThermometerPictogram className={className} />,
    reading: ({ celsius, site }, language, t) => {
      const value = formatCelsius(celsius, language);
      return value === null ? null : { value, detail: site ? t(`bodySite.${site}`) : null };
    },
  },
  pulseOximeter: {
    pictogram: (className) => <HeartPictogram className={className} />,
    reading: ({ spo2Percent, pulsePerMinute }, language, t) => {
      const text = formatOximetry(spo2Percent, pulsePerMinute, language);
      return text === null ? null : { value: text.spo2, detail: t('pulseOximeter.pulse', { pulse: text.pulse }) };
    },
  },
};

/** The view of `kind`, typed for any kind (a mapped type cannot be indexed by a union without this). */
export function deviceView(kind: MeasuringKind): DeviceView<MeasuringKind> {
  return DEVICE_VIEWS[kind] as unknown as DeviceView<MeasuringKind>;
}
