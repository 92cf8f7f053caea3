import type { ReactNode } from 'react';
import type { LifeEventGroup } from '../../../common/procedure-catalog';
import { PICTOGRAM_SVG as common } from './pictogramSvg';

/*
 * One line pictogram per life event (LIFE_EVENT_GROUPS), beside the group's name: the words carry the
 * meaning, the drawing helps someone who reads little find their group at a glance.
 */
const PATHS: Record<LifeEventGroup, ReactNode> = {
  // An identity card: a face and two lines.
  identity: <><rect x="12" y="22" width="72" height="52" rx="8" /><circle cx="34" cy="44" r="8" /><path d="M22 64a12 12 0 0 1 24 0M56 40h18M56 54h14" /></>,
  // A grown-up and a child.
  family: <><circle cx="34" cy="26" r="9" /><path d="M18 78V58a16 16 0 0 1 32 0v20" /><circle cx="66" cy="42" r="7" /><path d="M54 78V66a12 12 0 0 1 24 0v12" /></>,
  // A cross in a rounded square.
  health: <><rect x="14" y="14" width="68" height="68" rx="14" /><path d="M48 30v36M30 48h36" /></>,
  // A briefcase.
  work: <><rect x="12" y="30" width="72" height="46" rx="6" /><path d="M36 30v-8a4 4 0 0 1 4-4h16a4 4 0 0 1 4 4v8M12 50h72" /></>,
  // A house.
  housing: <><path d="M14 46L48 16l34 30" /><path d="M24 38v40h48V38" /><path d="M40 78V58h16v20" /></>,
  // A form with a euro sign.
  taxes: <><path d="M22 12h38l16 16v56H22z" /><path d="M60 12v16h16" /><path d="M58 48a12 12 0 1 0 0 16M36 52h16M36 60h16" /></>,
  // A car.
  transport: <><path d="M14 60V48l8-18a6 6 0 0 1 6-4h40a6 6 0 0 1 6 4l8 18v12a4 4 0 0 1-4 4H18a4 4 0 0 1-4-4z" /><path d="M14 48h68" /><circle cx="30" cy="64" r="7" /><circle cx="66" cy="64" r="7" /></>,
  // An hourglass: time that has passed.
  retirement: <><path d="M26 14h44M26 82h44" /><path d="M30 14c0 20 36 22 36 34S30 62 30 82M66 14c0 20-36 22-36 34s36 14 36 34" /></>,
  // A ballot box.
  citizenship: <><rect x="16" y="44" width="64" height="38" rx="4" /><path d="M34 44V14h28v30M40 26h16M16 58h64" /></>,
  // A graduation cap.
  education: <><path d="M8 38l40-18 40 18-40 18z" /><path d="M24 46v18c0 6 12 12 24 12s24-6 24-12V46M84 40v22" /></>,
  // A lightning bolt.
  energy: <path d="M54 10L24 54h22l-6 32 32-46H50z" />,
};

export function GroupPictogram({ group, className }: { group: LifeEventGroup; className?: string }) {
  return <svg {...common} className={className}>{PATHS[group]}</svg>;
}
