import type { Satisfaction } from '../../../common/visit-views';
import { PICTOGRAM_SVG as common } from './pictogramSvg';

/* Pictograms of the guided visit's screens; like the others, they illustrate words and are hidden from screen readers. */

/** A magnifying glass. */
export function SearchPictogram({ className }: { className?: string }) {
  return <svg {...common} className={className}><circle cx="42" cy="42" r="24" /><path d="M60 60l22 22" /></svg>;
}

/** A raised hand: "I need someone". */
export function HelpPictogram({ className }: { className?: string }) {
  return (
    <svg {...common} className={className}>
      <path d="M34 52V22a6 6 0 0 1 12 0v24M46 44V16a6 6 0 0 1 12 0v28M58 44V22a6 6 0 0 1 12 0v30c0 18-10 30-26 30-10 0-16-6-22-14L12 54a6 6 0 0 1 9-8l13 12" />
    </svg>
  );
}

/** A clock face, small, beside an estimated time. */
export function TimePictogram({ className }: { className?: string }) {
  return <svg {...common} strokeWidth={8} className={className}><circle cx="48" cy="48" r="36" /><path d="M48 28v20l12 8" /></svg>;
}

/** A padlock: "nothing of you is kept". */
export function LockPictogram({ className }: { className?: string }) {
  return <svg {...common} className={className}><rect x="20" y="42" width="56" height="42" rx="8" /><path d="M32 42V30a16 16 0 0 1 32 0v12M48 58v10" /></svg>;
}

/** A person: "someone can help you". */
export function PersonPictogram({ className }: { className?: string }) {
  return <svg {...common} className={className}><circle cx="48" cy="30" r="14" /><path d="M20 84v-8a28 28 0 0 1 56 0v8" /></svg>;
}

/** An arrow pointing back: it turns round in right-to-left languages (pictogram--directional). */
export function BackPictogram({ className = '' }: { className?: string }) {
  return <svg {...common} strokeWidth={9} className={`${className} pictogram--directional`}><path d="M78 48H20M42 24L18 48l24 24" /></svg>;
}

/**
 * An arrow leaving a box: "to another website". It leaves towards the end of the line, so it turns
 * round in right-to-left languages too, as the "open in new" sign does on phones.
 */
export function WebsitePictogram({ className = '' }: { className?: string }) {
  return <svg {...common} strokeWidth={8} className={`${className} pictogram--directional`}><path d="M56 16h24v24M80 16L44 52M66 56v20a4 4 0 0 1-4 4H20a4 4 0 0 1-4-4V34a4 4 0 0 1 4-4h20" /></svg>;
}

const MOUTHS: Record<Satisfaction, string> = {
  good: 'M32 58c8 10 24 10 32 0',
  neutral: 'M32 62h32',
  bad: 'M32 66c8-10 24-10 32 0',
};

/** A face that smiles, stays flat or frowns: the satisfaction question's answers, beside their words. */
export function FacePictogram({ rating, className }: { rating: Satisfaction; className?: string }) {
  return (
    <svg {...common} className={className}>
      <circle cx="48" cy="48" r="38" />
      <circle cx="36" cy="40" r="4" fill="currentColor" />
      <circle cx="60" cy="40" r="4" fill="currentColor" />
      <path d={MOUTHS[rating]} />
    </svg>
  );
}
