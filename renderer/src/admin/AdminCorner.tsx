import { useState } from 'react';
import { createTapCounter } from './cornerTaps';

interface Props {
  /** Called when the gesture is complete; the host decides what follows. */
  onGesture: () => void;
}

/**
 * The administrator's way in: an invisible square in the top-left corner, above every screen and the
 * idle warning. It has no look, no hover cue, no role and no tab stop; a tap on it reaches nothing
 * underneath (the attract screen's button does not start a visit).
 */
export function AdminCorner({ onGesture }: Props) {
  // useState, not useMemo: React may drop a memo, and the count of taps must live as long as the corner.
  const [counted] = useState(() => createTapCounter());
  return (
    <div
      className="admin-corner"
      data-admin-corner=""
      aria-hidden="true"
      onPointerDown={(event) => {
        event.preventDefault(); // no focus change, no text selection
        if (counted(Date.now())) onGesture();
      }}
      onClick={(event) => event.stopPropagation()}
    />
  );
}
