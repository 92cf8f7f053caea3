import { useEffect, useState } from 'react';
import { PIN_MAX_DIGITS, PIN_MIN_DIGITS } from '../../../common/admin';
import { useText } from '../i18n/useText';
import type { ScreenProps } from './screenProps';

const KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9'] as const;

/**
 * The administrator's PIN: an on-screen keypad with large keys, one dot per digit typed. The digits stay
 * in this screen until OK sends them to the host, which checks them; they are then forgotten here.
 */
export function AdminPinScreen({ snapshot, send }: ScreenProps) {
  const t = useText(snapshot.language);
  const pin = snapshot.admin!.pin;
  const [digits, setDigits] = useState('');
  // Each answer from the host starts a fresh entry.
  useEffect(() => setDigits(''), [pin.status, pin.attemptsLeft, pin.lockedMinutesLeft]);

  const checking = pin.status === 'checking';
  const type = (digit: string) => setDigits((typed) => (typed.length < PIN_MAX_DIGITS ? typed + digit : typed));
  const submit = () => {
    send({ type: 'ADMIN.PIN', pin: digits });
    setDigits('');
  };
  const message = pin.status === 'locked' ? t('admin.locked', { count: pin.lockedMinutesLeft ?? 1 })
    : pin.status === 'wrong' ? t('admin.wrong', { count: pin.attemptsLeft ?? 0 })
      : pin.status === 'checking' ? t('admin.checking') : t('admin.pinPrompt');

  return (
    <main className="screen screen--admin" data-screen="admin-pin">
      <h1 className="title">{t('admin.pinTitle')}</h1>
      <p className={`lead admin-message admin-message--${pin.status}`} role="status" data-pin-status={pin.status}>{message}</p>
      <div className="pin-dots" role="img" aria-label={t('admin.pinDigits', { count: digits.length })}>
        {Array.from({ length: Math.max(PIN_MIN_DIGITS, digits.length) }, (_, i) => (
          <span key={i} className={i < digits.length ? 'pin-dot pin-dot--filled' : 'pin-dot'} />
        ))}
      </div>
      <div className="keypad">
        {KEYS.map((digit) => <KeypadKey key={digit} label={digit} disabled={checking} onPress={() => type(digit)} />)}
        <KeypadKey label={t('admin.erase')} disabled={checking || digits === ''} onPress={() => setDigits((typed) => typed.slice(0, -1))} wide />
        <KeypadKey label="0" disabled={checking} onPress={() => type('0')} />
        <KeypadKey label={t('admin.validate')} disabled={checking || digits.length < PIN_MIN_DIGITS} onPress={submit} primary wide />
      </div>
      <button type="button" className="button button--choice" onClick={() => send({ type: 'ADMIN.CLOSE' })}>
        {t('admin.cancel')}
      </button>
    </main>
  );
}

function KeypadKey({ label, onPress, disabled, primary = false, wide = false }:
  { label: string; onPress: () => void; disabled: boolean; primary?: boolean; wide?: boolean }) {
  const classes = ['button', 'keypad__key', primary ? 'button--primary' : 'button--choice', wide ? 'keypad__key--word' : ''];
  return <button type="button" className={classes.join(' ').trim()} disabled={disabled} onClick={onPress}>{label}</button>;
}
