import { useId, useState } from 'react';

/**
 * The papers to bring, as boxes the person may tick while gathering them. The ticks are a reading aid
 * for this screen only: nobody else sees them and they go when the guide closes.
 */
export function DocumentChecklist({ documents }: { documents: readonly string[] }) {
  const id = useId();
  const [ticked, setTicked] = useState<ReadonlySet<number>>(new Set());
  const toggle = (index: number) => setTicked((before) => {
    const after = new Set(before);
    if (!after.delete(index)) after.add(index);
    return after;
  });
  return (
    <ul className="checklist">
      {documents.map((document, index) => (
        <li key={index}>
          <label className="checklist__item" htmlFor={`${id}-${index}`}>
            <input id={`${id}-${index}`} type="checkbox" className="checklist__box" checked={ticked.has(index)} onChange={() => toggle(index)} />
            <span>{document}</span>
          </label>
        </li>
      ))}
    </ul>
  );
}
