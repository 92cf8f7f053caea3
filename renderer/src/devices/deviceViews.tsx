import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import type { MeasuringKind } from '../../../common/devices';
import type { Language } from '../../../common/language';
import type { MeasurementOf } from '../../../common/measurements';
import { BloodPressurePictogram, HeartPictogram, ScalePictogram, ThermometerPictogram } from '../components/pictograms';
import { formatBloodPressure, formatCelsius, formatOximetry, formatWeight } from '../i18n/measurement-format';

/** How a reading reads on screen: the big value, a line under it, and what the device noticed while measuring. */
export interface ReadingText {
  value: string;
  detail: string | null;
  /** The device's own observations, one sentence each, told as such and never as a diagnosis. */
  notes?: string[];
}

/** What the screens need to show one kind of device. Its words live under the kind's key in i18n/fr.ts. */
export interface DeviceView<K extends MeasuringKind> {
  pictogram(className: string): ReactNode;
  /** What the person does to measure, one short sentence a line, in order. */
  instructions(t: TFunction): string[];
  /** Null for a value no body can have: it is then not shown at all. */
  reading(measurement: MeasurementOf<K>, language: Language, t: TFunction): ReadingText | null;
}

/** One entry per measuring kind: adding a kind adds an entry here, its words and its pictogram. */
export const DEVICE_VIEWS: { readonly [K in MeasuringKind]: DeviceView<K> } = {
  thermometer: {
    pictogram: (className) => <ThermometerPictogram className={className} />,
    instructions: (t) => [t('thermometer.waiting')],
    reading: ({ celsius, site }, language, t) => {
      const value = formatCelsius(celsius, language);
      return value === null ? null : { value, detail: site ? t(`bodySite.${site}`) : null };
    },
  },
  pulseOximeter: {
    pictogram: (className) => <HeartPictogram className={className} />,
    instructions: (t) => [t('pulseOximeter.waiting')],
    reading: ({ spo2Percent, pulsePerMinute, flags = [] }, language, t) => {
      const text = formatOximetry(spo2Percent, pulsePerMinute, language);
      if (text === null) return null;
      return {
        value: text.spo2,
        detail: t('pulseOximeter.pulse', { pulse: text.pulse }),
        notes: flags.map((flag) => t(`pulseOximeter.noticed.${flag}`)),
      };
    },
  },
  bloodPressureMonitor: {
    pictogram: (className) => <BloodPressurePictogram className={className} />,
    instructions: (t) => [t('bloodPressureMonitor.waiting'), t('bloodPressureMonitor.press'), t('bloodPressureMonitor.duration')],
    reading: (measurement, language, t) => {
      const text = formatBloodPressure(measurement, language);
      if (text === null) return null;
      return {
        value: text.pressure,
        detail: text.pulse === null ? null : t('bloodPressureMonitor.pulse', { pulse: text.pulse }),
        notes: measurement.flags.map((flag) => t(`bloodPressureMonitor.noticed.${flag}`)),
      };
    },
  },
  scale: {
    pictogram: (className) => <ScalePictogram className={className} />,
    instructions: (t) => [t('scale.waiting')],
    reading: (measurement, language, t) => {
      const text = formatWeight(measurement, language);
      if (text === null) return null;
      return { value: text.weight, detail: text.height && text.bmi ? t('scale.bodyMass', { height: text.height, bmi: text.bmi }) : null };
    },
  },
};

/** The view of `kind`, typed for any kind (a mapped type cannot be indexed by a union without this). */
export function deviceView(kind: MeasuringKind): DeviceView<MeasuringKind> {
  return DEVICE_VIEWS[kind] as unknown as DeviceView<MeasuringKind>;
}
