import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { AnswerArea, ChallengeType } from '../../../api/types';
import { InlineMarkdown } from '../../shared/content/Markdown';
import { toggleOption, type AnswerDraft } from './answerDraft';

interface AnswerAreaFieldsProps {
  type: ChallengeType;
  area: AnswerArea;
  /** The challenge's input format: `paragraph` gets a multi-line field, `number` a numeric keyboard. */
  format: string;
  draft: AnswerDraft;
  onChange: (draft: AnswerDraft) => void;
}

/**
 * Where the learner answers, per type: radio buttons (QCU), checkboxes (QCM), or the
 * proposals' text with a field or a drop-down for each `${…}` block (QROC, QROCM).
 */
export function AnswerAreaFields({ type, area, format, draft, onChange }: AnswerAreaFieldsProps) {
  const { t } = useTranslation();
  const id = useId();

  if (area.kind === 'options' && draft.kind === 'options') {
    return (
      <fieldset className="answer-area answer-area--options" data-testid="answer-area">
        <legend>{t(type === 'QCU' ? 'admin.preview.answer.chooseOne' : 'admin.preview.answer.chooseMany')}</legend>
        {area.options.map((option, index) => {
          const number = index + 1;
          const optionId = `${id}-${number}`;
          return (
            <div className="answer-area__option" key={number}>
              <input
                id={optionId}
                type={type === 'QCU' ? 'radio' : 'checkbox'}
                name={`${id}-answer`}
                value={number}
                checked={draft.selected.includes(number)}
                onChange={() => onChange(toggleOption(draft, type, number))}
              />
              <label htmlFor={optionId}>
                <InlineMarkdown text={option} />
              </label>
            </div>
          );
        })}
      </fieldset>
    );
  }

  if (area.kind !== 'blocks' || draft.kind !== 'blocks') return null;
  let fieldNumber = 0;
  return (
    <fieldset className="answer-area answer-area--blocks" data-testid="answer-area">
      <legend>{t('admin.preview.answer.legend')}</legend>
      <div className="answer-area__text">
        {area.parts.map((part, index) => {
          if (part.kind === 'text') return <InlineMarkdown key={index} text={part.text} />;
          fieldNumber += 1;
          const fieldId = `${id}-${part.key}`;
          const label = part.label ?? t('admin.preview.answer.field', { number: fieldNumber });
          const value = draft.values[part.key] ?? '';
          const update = (next: string) => onChange({ kind: 'blocks', values: { ...draft.values, [part.key]: next } });
          return (
            <span className="answer-area__block" key={index}>
              <label htmlFor={fieldId} className={part.label ? 'answer-area__label' : 'visually-hidden'}>
                {label}
              </label>
              {part.options ? (
                <select id={fieldId} className="field__input" value={value} onChange={(event) => update(event.target.value)}>
                  <option value="">{t('admin.preview.answer.choose')}</option>
                  {part.options.map((option) => (
                    <option key={option} value={option}>
                      {option}
                    </option>
                  ))}
                </select>
              ) : format === 'paragraph' ? (
                <textarea
                  id={fieldId}
                  className="field__input"
                  rows={4}
                  value={value}
                  placeholder={part.placeholder}
                  onChange={(event) => update(event.target.value)}
                />
              ) : (
                <input
                  id={fieldId}
                  className={`field__input answer-area__input answer-area__input--${format}`}
                  type="text"
                  inputMode={format === 'number' ? 'decimal' : undefined}
                  autoComplete="off"
                  spellCheck={false}
                  value={value}
                  placeholder={part.placeholder}
                  onChange={(event) => update(event.target.value)}
                />
              )}
            </span>
          );
        })}
      </div>
    </fieldset>
  );
}
