import type { TargetProfileDetail } from '@jalon/contracts';
import PDFDocument from 'pdfkit';

/** A4 in points, with margins that leave room for a school's hole punch. */
const MARGIN = 56;
const LEVEL_COLUMN = 90;
const GREY = '#4a4a4a';
const RULE = '#b8b8b8';

/** `Parcours-Arts-plastiques-cycle-4.pdf`: ASCII only, so every browser and file system keeps the name. */
export function parcoursPdfFileName(name: string): string {
  const safe = name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return `Parcours-${safe || 'sans-titre'}.pdf`;
}

function minutes(total: number): string {
  const hours = Math.floor(total / 60);
  const rest = total % 60;
  if (hours === 0) return `${rest} min`;
  return rest === 0 ? `${hours} h` : `${hours} h ${String(rest).padStart(2, '0')}`;
}

function stageCondition(stage: TargetProfileDetail['stages'][number]): string {
  if (stage.isFirstSkill) return 'Premier acquis validé';
  if (stage.level !== null) return stage.level === 0 ? 'Départ' : `Niveau ${stage.level}`;
  return `${stage.threshold ?? 0} % de réussite`;
}

/**
 * The parcours documentation a teacher prints or shares: the same content as the Orga page,
 * in French, with the built-in Helvetica (it covers French, so no font file is shipped).
 * Returns the document already ended: the caller streams it.
 */
export function parcoursPdf(detail: TargetProfileDetail, options: { generatedAt: Date; timeZone: string }): PDFKit.PDFDocument {
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    info: { Title: `Parcours ${detail.name}`, Author: 'Jalon', Subject: 'Contenu du parcours' },
    lang: 'fr-FR',
  });
  const width = doc.page.width - 2 * MARGIN;
  const bottom = () => doc.page.height - MARGIN;
  const ensureRoom = (height: number) => {
    if (doc.y + height > bottom()) doc.addPage();
  };
  const heading = (text: string, size: number) => {
    doc.font('Helvetica-Bold').fontSize(size);
    ensureRoom(doc.heightOfString(text, { width }) + 40);
    doc.fillColor('black').text(text, MARGIN, doc.y, { width });
    doc.moveDown(0.3);
  };

  doc.font('Helvetica-Bold').fontSize(20).text(detail.name, { width });
  doc.moveDown(0.3);
  doc
    .font('Helvetica')
    .fontSize(10)
    .fillColor(GREY)
    .text(
      [
        detail.categoryLabel.fr,
        `${detail.skillCount} acquis`,
        `durée estimée : ${minutes(detail.estimatedMinutes)} au plus`,
        `généré le ${new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeZone: options.timeZone }).format(options.generatedAt)}`,
      ].join(' · '),
      { width },
    );
  doc.moveDown(0.8);
  doc.fillColor('black').fontSize(11).text(detail.description, { width });
  doc.moveDown(1);

  for (const area of detail.areas) {
    heading(`${area.code}. ${area.title.fr}`, 15);
    for (const competence of area.competences) {
      heading(`${competence.index} ${competence.name.fr}`, 12);
      for (const tube of competence.tubes) {
        const textWidth = width - LEVEL_COLUMN;
        doc.font('Helvetica-Bold').fontSize(10);
        const titleHeight = doc.heightOfString(tube.practicalTitle.fr, { width: textWidth });
        doc.font('Helvetica').fontSize(9.5);
        const descriptionHeight = doc.heightOfString(tube.practicalDescription.fr, { width: textWidth });
        ensureRoom(titleHeight + descriptionHeight + 10);
        const top = doc.y;
        doc.strokeColor(RULE).lineWidth(0.5).moveTo(MARGIN, top).lineTo(MARGIN + width, top).stroke();
        doc.font('Helvetica-Bold').fontSize(10).fillColor('black').text(tube.practicalTitle.fr, MARGIN, top + 4, { width: textWidth });
        doc.font('Helvetica').fontSize(9.5).fillColor(GREY).text(tube.practicalDescription.fr, { width: textWidth });
        const after = doc.y;
        doc
          .font('Helvetica-Bold')
          .fontSize(10)
          .fillColor('black')
          .text(`Niveau max ${tube.level}`, MARGIN + textWidth, top + 4, { width: LEVEL_COLUMN, align: 'right' });
        doc.x = MARGIN;
        doc.y = after + 6;
      }
      doc.moveDown(0.6);
    }
  }

  if (detail.stages.length > 0) {
    heading('Paliers', 15);
    for (const stage of detail.stages) {
      doc.font('Helvetica-Bold').fontSize(10);
      ensureRoom(30);
      doc.fillColor('black').text(`${stage.title} (${stageCondition(stage)})`, MARGIN, doc.y, { width });
      doc.font('Helvetica').fontSize(9.5).fillColor(GREY).text(stage.message, { width });
      doc.moveDown(0.4);
    }
    doc.moveDown(0.6);
  }

  if (detail.badges.length > 0) {
    heading('Badges', 15);
    for (const badge of detail.badges) {
      doc.font('Helvetica-Bold').fontSize(10);
      ensureRoom(30);
      doc.fillColor('black').text(badge.title, MARGIN, doc.y, { width });
      doc.font('Helvetica').fontSize(9.5).fillColor(GREY).text(badge.message, { width });
      doc.moveDown(0.4);
    }
  }

  doc.end();
  return doc;
}
