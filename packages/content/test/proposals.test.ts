import { describe, expect, it } from 'vitest';
import { parseProposals } from '../src/proposals';

describe('parseProposals', () => {
  it('numbers QCU options in file order', () => {
    expect(parseProposals('QCU', '- Oui\n- Non\n')).toEqual({ ok: true, value: { kind: 'options', options: ['Oui', 'Non'] } });
  });

  it('refuses a QCM with fewer than three options', () => {
    expect(parseProposals('QCM', '- a\n- b')).toMatchObject({ ok: false });
  });

  it('reads placeholder, label and drop-down options of blocks', () => {
    const parsed = parseProposals('QROCM-ind', 'Nom : ${nom#Votre réponse§Nom du logiciel} ; type : ${type options=["libre","propriétaire"]}');
    expect(parsed.ok && parsed.value.kind === 'blocks' && parsed.value.blocks).toEqual([
      { key: 'nom', placeholder: 'Votre réponse', label: 'Nom du logiciel' },
      { key: 'type', options: ['libre', 'propriétaire'] },
    ]);
  });

  it('treats an escaped \\${ as text', () => {
    const parsed = parseProposals('QROC', 'Écrivez \\${x} puis ${reponse}');
    expect(parsed.ok && parsed.value.kind === 'blocks' && parsed.value.parts[0]).toEqual({ kind: 'text', text: 'Écrivez ${x} puis ' });
  });

  it('refuses duplicate keys and a QROC with two blocks', () => {
    expect(parseProposals('QROCM-dep', '${a} ${a}')).toMatchObject({ ok: false, error: 'duplicate block key a' });
    expect(parseProposals('QROC', '${a} ${b}')).toMatchObject({ ok: false });
  });
});
