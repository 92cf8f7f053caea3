import type { Receipt } from '../common/print-job';

/** What `npm run devices -- print-test` prints: whether the text, the accents, the bold, the centring and the cut work. */
export function testReceipt(now: Date): Receipt {
  return {
    title: 'Borne',
    lines: [
      { text: 'Ticket de test / Test receipt', bold: true, centred: true },
      { text: '' },
      { text: now.toISOString().slice(0, 19).replace('T', ' ') + ' UTC' },
      { text: 'Accents : é è ê à ç ù ô î ï « » €' },
      { text: '' },
      { text: 'Ce ticket est lisible et coupé : l’imprimante marche.', centred: true },
    ],
  };
}
