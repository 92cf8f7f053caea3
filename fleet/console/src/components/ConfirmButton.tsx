import { useEffect, useRef, useState } from 'react';
import { TEXTS } from '../texts';

/** A destructive action asks first, in the page (no window.confirm): the question, then Confirm or Cancel. */
export function ConfirmButton({ label, question, onConfirm, className = 'danger' }: { label: string; question: string; onConfirm: () => void; className?: string }) {
  const [asking, setAsking] = useState(false);
  const confirmRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (asking) confirmRef.current?.focus();
  }, [asking]);
  if (!asking) return <button type="button" className={className} onClick={() => setAsking(true)}>{label}</button>;
  return (
    <span className="confirm" role="group" aria-label={question}>
      <span>{question}</span>
      <button type="button" ref={confirmRef} className={className} onClick={() => { setAsking(false); onConfirm(); }}>{TEXTS.common.confirm}</button>
      <button type="button" onClick={() => setAsking(false)}>{TEXTS.common.cancel}</button>
    </span>
  );
}
