import { describe, expect, it } from 'vitest';
import { describeIssues } from '../../../kiosk-config/load';
import { KIOSK_NAME_MAX, ProfileSchema } from '../../../kiosk-config/schema';
import { DEVICE_PATH_MAX, readingTimeoutsOf } from '../../../common/device-config';

const minimal = { kiosk: { id: 'mairie-tulle', name: 'Mairie' }, languages: { offered: ['fr'], default: 'fr' } };
const withKiosk = (kiosk: Record<string, unknown>, rest: Record<string, unknown> = {}) =>
  ({ ...minimal, kiosk: { ...minimal.kiosk, ...kiosk }, ...rest });
const withThermometerPath = (path: string) =>
  ({ ...minimal, devices: { thermometer: { serial: { path } } } });

/** The loader's lines for this input, or [] when it is valid. */
function problems(input: unknown): string[] {
  const parsed = ProfileSchema.safeParse(input);
  return parsed.success ? [] : describeIssues('p.json', parsed.error.issues).split('\n');
}

describe('kiosk.purpose', () => {
  it('defaults to production, the safe choice for a profile that does not say', () => {
    expect(ProfileSchema.parse(minimal).kiosk.purpose).toBe('production');
  });

  it('accepts demo and test, and nothing else', () => {
    expect(ProfileSchema.parse(withKiosk({ purpose: 'demo' })).kiosk.purpose).toBe('demo');
    expect(ProfileSchema.parse(withKiosk({ purpose: 'test' })).kiosk.purpose).toBe('test');
    expect(problems(withKiosk({ purpose: 'staging' }))[0]).toMatch(/^p\.json: kiosk\.purpose: .*"production"\|"demo"\|"test"/);
  });
});

describe('shell.allowTestAutomation', () => {
  const automation = { shell: { allowTestAutomation: true } };

  it('is refused on a production kiosk, with one line naming the field and what to do', () => {
    const expected = 'p.json: shell.allowTestAutomation: refused on a production kiosk (kiosk.purpose is "production", '
      + 'the default): set it to false, or set kiosk.purpose to "demo" or "test" if this kiosk never serves the public';
    expect(problems({ ...minimal, ...automation })).toEqual([expected]);
    expect(problems(withKiosk({ purpose: 'production' }, automation))).toEqual([expected]);
  });

  it('is honoured on a demo or a test kiosk', () => {
    for (const purpose of ['demo', 'test']) {
      expect(ProfileSchema.parse(withKiosk({ purpose }, automation)).shell.allowTestAutomation, purpose).toBe(true);
    }
  });

  it('is still refused alongside other problems, each on its own line', () => {
    const lines = problems(withKiosk({ name: '' }, automation));
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^p\.json: kiosk\.name: give the kiosk a name/);
    expect(lines[1]).toMatch(/^p\.json: shell\.allowTestAutomation: refused on a production kiosk/);
  });
});

describe('text limits', () => {
  it(`keeps kiosk.name to ${KIOSK_NAME_MAX} characters, counted as people see them`, () => {
    expect(problems(withKiosk({ name: 'é'.repeat(KIOSK_NAME_MAX) }))).toEqual([]);
    expect(problems(withKiosk({ name: '🏛'.repeat(KIOSK_NAME_MAX) }))).toEqual([]); // 2 UTF-16 units each
    expect(problems(withKiosk({ name: 'x'.repeat(KIOSK_NAME_MAX + 1) }))).toEqual([
      `p.json: kiosk.name: keep the name to ${KIOSK_NAME_MAX} characters or fewer, this one has ${KIOSK_NAME_MAX + 1}`,
    ]);
  });

  it('refuses a huge kiosk.name with a short message', () => {
    const lines = problems(withKiosk({ name: 'x'.repeat(5_000_000) }));
    expect(lines).toEqual([`p.json: kiosk.name: keep the name to ${KIOSK_NAME_MAX} characters or fewer, this one has 5000000`]);
  });

  it('refuses line breaks and control characters in kiosk.name', () => {
    for (const name of ['Mairie\nde Tulle', 'Mairie\tTulle', 'Mairie\u0000', 'Mairie\u001b[31m']) {
      expect(problems(withKiosk({ name })), JSON.stringify(name))
        .toEqual(['p.json: kiosk.name: write the name on one line, without tabs or control characters']);
    }
  });

  it(`keeps a device path to ${DEVICE_PATH_MAX} bytes, the limit of Linux`, () => {
    const longest = `/dev/${'a'.repeat(DEVICE_PATH_MAX - 5)}`;
    expect(problems(withThermometerPath(longest))).toEqual([]);
    expect(problems(withThermometerPath(`${longest}a`))).toEqual([
      `p.json: devices.thermometer.serial.path: a device path is at most ${DEVICE_PATH_MAX} bytes (the limit of Linux), `
        + `this one has ${DEVICE_PATH_MAX + 1}: give the path of the device, for example /dev/ttyUSB0`,
    ]);
    // Bytes, not characters: 2048 'é' are 4096 bytes.
    expect(problems(withThermometerPath(`/${'é'.repeat(2048)}`))[0]).toContain('this one has 4097');
  });

  it('refuses a NUL character in a device path', () => {
    expect(problems(withThermometerPath('/dev/ttyUSB0\u0000x'))).toEqual([
      'p.json: devices.thermometer.serial.path: a device path cannot contain a NUL character: give the path of the device, for example /dev/ttyUSB0',
    ]);
  });

  it('clips a very long message, such as an unknown field with a huge name, to one short line', () => {
    const lines = problems({ ...minimal, ['k'.repeat(100_000)]: 1 });
    expect(lines).toHaveLength(1);
    expect(lines[0]!.length).toBeLessThan(400);
    expect(lines[0]).toMatch(/^p\.json: \(whole file\): Unrecognized key: "k+…$/);
  });
});

describe('lockdown.allow: sites offered on the home screen', () => {
  const withSite = (site: Record<string, unknown>) => ({ ...minimal, lockdown: { allow: [{ origin: 'https://www.service-public.fr', pathPrefix: '/particuliers', ...site }] } });
  const label = { fr: 'Service Public', en: 'Public Service' };

  it('takes a label in every language and a start page inside the entry', () => {
    const parsed = ProfileSchema.parse(withSite({ label, start: 'https://www.service-public.fr/particuliers/vosdroits' }));
    expect(parsed.lockdown.allow[0]).toMatchObject({ label, start: 'https://www.service-public.fr/particuliers/vosdroits' });
  });

  it.each([
    ['https://www.service-public.fr/professionnels', 'the start page must be under https://www.service-public.fr/particuliers'],
    ['https://ants.gouv.fr/particuliers', 'the start page must be under https://www.service-public.fr/particuliers'],
    ['javascript:alert(1)', 'lockdown.allow.0.start'],
  ])('refuses the start page %s', (start, message) => {
    expect(problems(withSite({ label, start })).join('\n')).toContain(message);
  });

  it('refuses a label missing an offered language, or on two lines', () => {
    const offeringArabic = { ...withSite({ label }), languages: { offered: ['fr', 'en', 'ar'], default: 'fr' } };
    expect(problems(offeringArabic).join('\n')).toContain('lockdown.allow.0.label: give the label in every offered language: missing ar');
    expect(problems(withSite({ label: { ...label, fr: 'Service\nPublic' } })).join('\n')).toContain('write the label on one line');
  });

  it('needs no label in a language the kiosk does not offer', () => {
    expect(problems(withSite({ label: { fr: 'Service Public' } }))).toEqual([]);
  });

  it('takes a video call, an appointment or a teleconsultation, offered with a label', () => {
    expect(ProfileSchema.parse(withSite({ label, call: 'teleconsultation' })).lockdown.allow[0]).toMatchObject({ call: 'teleconsultation' });
    expect(problems(withSite({ call: 'appointment' })).join('\n')).toContain('lockdown.allow.0.label: a video call is offered as a tile on the home screen: give it a label');
    expect(problems(withSite({ label, call: 'chat' })).join('\n')).toContain('lockdown.allow.0.call');
  });
});

describe('devices.bloodPressureMonitor and devices.scale', () => {
  const withDevices = (devices: Record<string, unknown>) => ({ ...minimal, devices });

  it('fill in the simulators\' defaults: a plausible reading, 9600 baud', () => {
    const { devices } = ProfileSchema.parse(withDevices({
      bloodPressureMonitor: { serial: { path: '/tmp/bp' }, simulator: {} },
      scale: { serial: { path: '/tmp/scale' }, simulator: {} },
    }));
    expect(devices).toEqual({
      bloodPressureMonitor: {
        serial: { path: '/tmp/bp', baudRate: 9600 },
        simulator: { everySeconds: 8, systolic: 122, diastolic: 78, pulse: 70, irregularPulse: false },
      },
      scale: { serial: { path: '/tmp/scale', baudRate: 9600 }, simulator: { everySeconds: 6, kilograms: 72.4 } },
    });
  });

  it('refuse a simulated monitor whose diastolic is not below its systolic, naming the field', () => {
    expect(problems(withDevices({ bloodPressureMonitor: { serial: { path: '/tmp/bp' }, simulator: { systolic: 90, diastolic: 95 } } })))
      .toEqual(['p.json: devices.bloodPressureMonitor.simulator.diastolic: the simulated diastolic pressure must be below the systolic']);
  });

  it('refuse a simulated weight no scale would show', () => {
    expect(problems(withDevices({ scale: { serial: { path: '/tmp/scale' }, simulator: { kilograms: 400 } } })))
      .toEqual([expect.stringMatching(/^p\.json: devices\.scale\.simulator\.kilograms: /)]);
  });
});

describe('devices.badgeReader and the oximeter model', () => {
  const withReader = (badgeReader: unknown) => ({ ...minimal, devices: { badgeReader } });
  const SALT = '0123456789abcdef';

  it('takes a reader by USB ids in keyboard-wedge mode by default, or by hidraw path in data mode', () => {
    expect(ProfileSchema.parse(withReader({ hid: { vendorId: 3111, productId: 15354 }, salt: SALT })).devices.badgeReader).toEqual({
      hid: { vendorId: 3111, productId: 15354 }, salt: SALT, mode: { type: 'keyboard-wedge', minLength: 6, maxLength: 64, maxGapMs: 40 },
    });
    expect(problems(withReader({ hid: { path: '/dev/hidraw2' }, salt: SALT, mode: { type: 'data', reportId: 2, offset: 1, length: 4 } }))).toEqual([]);
  });

  it('refuses a short salt, a missing address and a wedge whose minLength exceeds its maxLength, saying how to mend each', () => {
    expect(problems(withReader({ hid: { vendorId: 1, productId: 2 }, salt: 'short' }))).toEqual([
      'p.json: devices.badgeReader.salt: the badge salt is a secret of at least 16 characters, for example from `openssl rand -hex 16`',
    ]);
    expect(problems(withReader({ hid: { vendorId: 1 }, salt: SALT }))[0]).toMatch(/devices\.badgeReader\.hid: give the HID device as/);
    expect(problems(withReader({ hid: { path: '/dev/hidraw0' }, salt: SALT, mode: { type: 'keyboard-wedge', minLength: 9, maxLength: 8 } })))
      .toEqual(['p.json: devices.badgeReader.mode.minLength: minLength must not exceed maxLength']);
  });

  it('reads a pulse oximeter as a CMS50D+ unless its model says plx', () => {
    const oximeter = (entry: object) => ProfileSchema.parse({ ...minimal, devices: { pulseOximeter: { serial: { path: '/dev/ttyUSB0' }, ...entry } } }).devices.pulseOximeter?.model;
    expect(oximeter({})).toBe('cms50d');
    expect(oximeter({ model: 'plx' })).toBe('plx');
    expect(problems({ ...minimal, devices: { pulseOximeter: { model: 'nonin', serial: { path: '/dev/ttyUSB0' } } } })[0]).toMatch(/devices\.pulseOximeter\.model/);
  });
});

describe('measuring devices on serial or on USB HID', () => {
  const withDevices = (devices: Record<string, unknown>) => ({ ...minimal, devices });
  const oneLine = (kind: string) => `p.json: devices.${kind}: give the device either "serial" (a serial line: { "path": "/dev/ttyUSB0" }) `
    + 'or "hid" (a USB HID device: { "vendorId": …, "productId": … } or { "path": "/dev/hidraw0" }), one of the two';

  it('takes a thermometer, a blood-pressure monitor, a scale and a PLX oximeter on USB HID, with the badge reader\'s address forms', () => {
    const { devices } = ProfileSchema.parse(withDevices({
      thermometer: { hid: { vendorId: 6790, productId: 57345 } },
      bloodPressureMonitor: { hid: { path: '/dev/hidraw3' }, simulator: {} },
      scale: { hid: { vendorId: 6790, productId: 57347 } },
      pulseOximeter: { model: 'plx', hid: { vendorId: 6790, productId: 57348 } },
    }));
    expect(devices.thermometer).toEqual({ hid: { vendorId: 6790, productId: 57345 } });
    expect(devices.bloodPressureMonitor).toMatchObject({ hid: { path: '/dev/hidraw3' }, simulator: { everySeconds: 8 } });
    expect(devices.pulseOximeter).toEqual({ model: 'plx', hid: { vendorId: 6790, productId: 57348 } });
  });

  it('needs one line, not none and not both, and says so', () => {
    for (const kind of ['thermometer', 'bloodPressureMonitor', 'scale', 'pulseOximeter']) {
      const model = kind === 'pulseOximeter' ? { model: 'plx' } : {};
      expect(problems(withDevices({ [kind]: model }))).toEqual([oneLine(kind)]);
      expect(problems(withDevices({ [kind]: { ...model, serial: { path: '/dev/ttyUSB0' }, hid: { path: '/dev/hidraw0' } } }))).toEqual([oneLine(kind)]);
    }
  });

  it('refuses a CMS50D+ on USB HID, and a HID address that is not one, saying how to mend each', () => {
    expect(problems(withDevices({ pulseOximeter: { hid: { path: '/dev/hidraw0' } } }))).toEqual([
      'p.json: devices.pulseOximeter.hid: a CMS50D+ oximeter is on a serial line: give "serial", or "model": "plx" for one sending GATT records over USB HID',
    ]);
    expect(problems(withDevices({ scale: { hid: { vendorId: 6790 } } }))[0]).toMatch(/^p\.json: devices\.scale\.hid: give the HID device as/);
  });
});

describe('devices.receiptPrinter', () => {
  const withPrinter = (receiptPrinter: unknown) => ({ ...minimal, devices: { receiptPrinter } });

  it('takes a network printer, port 9100 and PC858 by default, or a serial one', () => {
    const parsed = ProfileSchema.parse(withPrinter({ tcp: { host: '192.168.1.50' } }));
    expect(parsed.devices.receiptPrinter).toEqual({
      tcp: { host: '192.168.1.50', port: 9100 }, codePage: 'pc858', statusEverySeconds: 2, jobWaitSeconds: 300,
    });
    expect(problems(withPrinter({ serial: { path: '/dev/ttyUSB1' }, codePage: 'pc850' }))).toEqual([]);
  });

  it('needs one line, not none and not two, and says so', () => {
    const oneOfTwo = 'p.json: devices.receiptPrinter: give the printer either "tcp" (a network printer: host and port) or "serial" (a serial line), one of the two';
    expect(problems(withPrinter({}))).toEqual([oneOfTwo]);
    expect(problems(withPrinter({ tcp: { host: 'printer' }, serial: { path: '/dev/ttyUSB1' } }))).toEqual([oneOfTwo]);
  });

  it('refuses a port that is not one, and a code page it cannot print', () => {
    expect(problems(withPrinter({ tcp: { host: 'printer', port: 70000 } }))[0]).toMatch(/^p\.json: devices\.receiptPrinter\.tcp\.port: /);
    expect(problems(withPrinter({ tcp: { host: 'printer' }, codePage: 'cp864' }))[0]).toMatch(/^p\.json: devices\.receiptPrinter\.codePage: /);
  });
});

describe('devices.documentPrinter', () => {
  const withPrinter = (documentPrinter: unknown) => ({ ...minimal, devices: { documentPrinter } });

  it('takes a CUPS queue\'s IPP URI, polled every 2 s, a job waiting 300 s at most by default', () => {
    expect(ProfileSchema.parse(withPrinter({ uri: 'ipp://cups.local:631/printers/Accueil' })).devices.documentPrinter).toEqual({
      uri: 'ipp://cups.local:631/printers/Accueil', pollEverySeconds: 2, jobWaitSeconds: 300,
    });
  });

  it('refuses a URI that names no queue, saying what to give', () => {
    const expected = 'p.json: devices.documentPrinter.uri: give the print queue as ipp://host:631/printers/Name, for example ipp://127.0.0.1:631/printers/KioskPDF';
    expect(problems(withPrinter({ uri: 'http://cups.local:631/printers/Accueil' }))).toEqual([expected]);
    expect(problems(withPrinter({ uri: 'ipp://cups.local:631/' }))).toEqual([expected]);
  });

  it('simulates only a queue on this machine', () => {
    expect(problems(withPrinter({ uri: 'ipp://127.0.0.1:8631/printers/KioskPDF', simulator: {} }))).toEqual([]);
    expect(problems(withPrinter({ uri: 'ipp://cups.local:631/printers/Accueil', simulator: {} }))).toEqual([
      'p.json: devices.documentPrinter.uri: a simulated document printer runs on this machine: give its uri as ipp://127.0.0.1:<port>/printers/Name',
    ]);
  });
});

describe('devices.<kind>.readingTimeoutSeconds', () => {
  const withDevices = (devices: Record<string, unknown>) => ({ ...minimal, devices });

  it('is each kind\'s own, or its default: a minute, three for a blood-pressure monitor', () => {
    const { devices } = ProfileSchema.parse(withDevices({
      thermometer: { serial: { path: '/tmp/t' }, readingTimeoutSeconds: 90 },
      bloodPressureMonitor: { serial: { path: '/tmp/bp' } },
    }));
    expect(readingTimeoutsOf(devices)).toEqual({ thermometer: 90, pulseOximeter: 60, bloodPressureMonitor: 180, scale: 60 });
  });

  it('refuses a wait too short to measure or longer than an hour, naming the field and what to give', () => {
    expect(problems(withDevices({ scale: { serial: { path: '/tmp/s' }, readingTimeoutSeconds: 0 } }))).toEqual([
      'p.json: devices.scale.readingTimeoutSeconds: a measurement step waits at least 5 seconds for a reading: give readingTimeoutSeconds in seconds, for example 60',
    ]);
    expect(problems(withDevices({ pulseOximeter: { serial: { path: '/tmp/o' }, readingTimeoutSeconds: 7200 } }))[0])
      .toMatch(/^p\.json: devices\.pulseOximeter\.readingTimeoutSeconds: a measurement step waits at most 3600 seconds/);
    expect(problems(withDevices({ thermometer: { serial: { path: '/tmp/t' }, readingTimeoutSeconds: '60' } }))[0])
      .toMatch(/^p\.json: devices\.thermometer\.readingTimeoutSeconds: /);
  });
});
