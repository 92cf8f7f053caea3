import { PICTOGRAM_SVG as common } from './pictogramSvg';

/**
 * Simple line pictograms drawn in SVG: no image files, no webfonts (the kiosk has no internet).
 * They illustrate the text next to them, so they are hidden from screen readers.
 */

/** A finger touching a surface, with ripples: "touch here". */
export function TouchPictogram({ className }: { className?: string }) {
  return (
    <svg {...common} className={className}>
      <path d="M34 34a14 14 0 0 1 28 0M26 34a22 22 0 0 1 44 0" />
      <path d="M42 66V34a6 6 0 0 1 12 0v16h12a8 8 0 0 1 8 8v8a20 20 0 0 1-20 20h-4a16 16 0 0 1-12-5L22 66a5 5 0 0 1 7-7l13 7" />
    </svg>
  );
}

/** An eye and a sound wave: "see better, listen" (the accessibility sheet). */
export function EyeAndEarPictogram({ className }: { className?: string }) {
  return (
    <svg {...common} className={className}>
      <path d="M8 40c10-16 22-24 34-24s24 8 34 24c-10 16-22 24-34 24S18 56 8 40z" />
      <circle cx="42" cy="40" r="9" fill="currentColor" />
      <path d="M60 74c6 0 10 4 10 8M60 64c12 0 20 8 20 18M60 84h0" />
    </svg>
  );
}

export function GlobePictogram({ className }: { className?: string }) {
  return (
    <svg {...common} className={className}>
      <circle cx="48" cy="48" r="36" />
      <ellipse cx="48" cy="48" rx="15" ry="36" />
      <path d="M14 36h68M14 60h68" />
    </svg>
  );
}

export function ThermometerPictogram({ className }: { className?: string }) {
  return (
    <svg {...common} className={className}>
      <path d="M40 58V18a8 8 0 0 1 16 0v40a16 16 0 1 1-16 0z" />
      <circle cx="48" cy="70" r="7" fill="currentColor" />
      <path d="M48 63V34M64 22h10M64 34h10M64 46h10" />
    </svg>
  );
}

export function HeartPictogram({ className }: { className?: string }) {
  return (
    <svg {...common} className={className}>
      <path d="M48 80S14 60 14 36a17 17 0 0 1 34-4 17 17 0 0 1 34 4c0 24-34 44-34 44z" />
    </svg>
  );
}

/** An upper arm with the cuff round it, its tube running to the monitor's dial. */
export function BloodPressurePictogram({ className }: { className?: string }) {
  return (
    <svg {...common} className={className}>
      <path d="M22 8l-2 20M46 8l2 20M20 58l4 30M48 58l-2 30" />
      <rect x="12" y="28" width="44" height="30" rx="6" />
      <path d="M56 43c10 0 12 8 14 14" />
      <circle cx="72" cy="70" r="14" />
      <path d="M72 70l6-7" />
    </svg>
  );
}

/** A bathroom scale seen from above: a plate with its dial. */
export function ScalePictogram({ className }: { className?: string }) {
  return (
    <svg {...common} className={className}>
      <rect x="14" y="14" width="68" height="68" rx="14" />
      <path d="M32 36a16 16 0 0 1 32 0z" />
      <path d="M48 36l6-9" />
      <path d="M30 64h10M56 64h10" />
    </svg>
  );
}

/** "Come back later": a clock, rather than a warning sign that would worry people. */
export function ClockPictogram({ className }: { className?: string }) {
  return (
    <svg {...common} className={className}>
      <circle cx="48" cy="48" r="36" />
      <path d="M48 26v22l14 10" />
    </svg>
  );
}

export function CheckPictogram({ className }: { className?: string }) {
  return (
    <svg {...common} className={className}>
      <path d="M22 50l17 17 35-38" />
    </svg>
  );
}

export function CrossPictogram({ className }: { className?: string }) {
  return (
    <svg {...common} className={className}>
      <path d="M26 26l44 44M70 26L26 70" />
    </svg>
  );
}

/** A point sending waves: "driven from elsewhere", for the test-automation banner. */
export function RemotePictogram({ className }: { className?: string }) {
  return (
    <svg {...common} strokeWidth={9} className={className}>
      <circle cx="48" cy="62" r="8" fill="currentColor" />
      <path d="M30 44a26 26 0 0 1 36 0M16 30a46 46 0 0 1 64 0" />
    </svg>
  );
}

/** Three dots that fade in turn: something is on its way, no need to do anything. */
export function WaitingDots({ className = '' }: { className?: string }) {
  return (
    <span className={`waiting-dots ${className}`} aria-hidden="true">
      <span />
      <span />
      <span />
    </span>
  );
}
