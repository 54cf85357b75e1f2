import { useState } from 'react';
import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import '../src/i18n';
import { ConfirmDialog } from '../src/features/shared/ui/ConfirmDialog';
import './support';

function Harness() {
  const [open, setOpen] = useState(false);
  return (
    <div id="root">
      <button type="button" onClick={() => setOpen(true)}>
        Supprimer
      </button>
      {open ? (
        <ConfirmDialog title="Supprimer ?" confirmLabel="Oui, supprimer" onConfirm={() => setOpen(false)} onCancel={() => setOpen(false)}>
          <p>Irréversible.</p>
        </ConfirmDialog>
      ) : null}
    </div>
  );
}

describe('confirmation dialog', () => {
  it('opens with focus on « Annuler », keeps Tab inside, and Escape closes it and returns focus', () => {
    render(<Harness />);
    const opener = screen.getByRole('button', { name: 'Supprimer' });
    opener.focus();
    fireEvent.click(opener);

    const dialog = screen.getByRole('dialog', { name: 'Supprimer ?' });
    expect(dialog.getAttribute('aria-modal')).toBe('true');
    const cancel = screen.getByRole('button', { name: 'Annuler' });
    const confirm = screen.getByRole('button', { name: 'Oui, supprimer' });
    expect(document.activeElement).toBe(cancel);

    confirm.focus();
    fireEvent.keyDown(confirm, { key: 'Tab' });
    expect(document.activeElement).toBe(cancel);
    fireEvent.keyDown(cancel, { key: 'Tab', shiftKey: true });
    expect(document.activeElement).toBe(confirm);

    fireEvent.keyDown(confirm, { key: 'Escape' });
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(opener);
  });
});
