import type { Certificate } from '@jalon/contracts';
import { DEFAULT_MAX_REACHABLE_LEVEL, PIX_PER_MESH } from '@jalon/engine';
import PDFDocument from 'pdfkit';

const MARGIN = 50;
const GREY = '#4a4a4a';
const RULE = '#c8c8c8';
const ACCENT = '#1f3a93';
/** The framework's area colour tokens in the shades the web app draws them (its `areaColor`), for print. */
const AREA_SHADES: Record<string, string> = {
  jaffa: '#c2570c',
  emerald: '#15803d',
  cerulean: '#0369a1',
  'wild-strawberry': '#be185d',
  'butterfly-bush': '#6d28d9',
};

/** `2026-06-12` → `12/06/2026`. */
export function frenchDate(day: string): string {
  const [year, month, date] = day.split('-');
  return `${date}/${month}/${year}`;
}

function longFrenchDate(day: string): string {
  return new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`));
}

export interface CertificatePdfOptions {
  /** Where the verification page lives: printed so a reader can check the code. */
  verificationUrl: string;
}

/**
 * One certificate on one A4 page, in French (`certification.md` §6), with the built-in
 * Helvetica like the parcours PDF. Sizes are fixed so that 16 competences, 5 areas and a
 * jury comment of a few lines always fit on the page.
 */
function drawCertificate(doc: PDFKit.PDFDocument, certificate: Certificate, options: CertificatePdfOptions) {
  const width = doc.page.width - 2 * MARGIN;
  doc.rect(MARGIN - 14, MARGIN - 14, width + 28, doc.page.height - 2 * MARGIN + 28).lineWidth(1.5).strokeColor(ACCENT).stroke();

  doc.font('Helvetica-Bold').fontSize(11).fillColor(ACCENT).text('JALON', MARGIN, MARGIN, { width, characterSpacing: 2 });
  doc.font('Helvetica-Bold').fontSize(22).fillColor('black').text('Certificat de compétences numériques', { width });
  doc.moveDown(0.8);

  doc.font('Helvetica').fontSize(11).fillColor(GREY).text('Délivré à', { width });
  doc.font('Helvetica-Bold').fontSize(17).fillColor('black').text(`${certificate.firstName} ${certificate.lastName.toUpperCase()}`, { width });
  const birth = `Né(e) le ${frenchDate(certificate.birthdate)}${certificate.birthPlace ? ` à ${certificate.birthPlace}` : ''}`;
  doc.font('Helvetica').fontSize(11).fillColor(GREY).text(birth, { width });
  doc.text(`Certification passée le ${longFrenchDate(certificate.date)} au centre « ${certificate.centreName} »`, { width });
  doc.moveDown(0.8);

  const scoreTop = doc.y;
  doc.roundedRect(MARGIN, scoreTop, width, 52, 6).fillColor('#eef1fa').fill();
  doc
    .font('Helvetica-Bold')
    .fontSize(26)
    .fillColor(ACCENT)
    .text(`${certificate.pixScore} pix`, MARGIN + 16, scoreTop + 13, { width: 180 });
  doc
    .font('Helvetica')
    .fontSize(10)
    .fillColor(GREY)
    .text(`Score total certifié, sur ${PIX_PER_MESH * DEFAULT_MAX_REACHABLE_LEVEL - 1} pix au plus. Chaque compétence est évaluée sur un niveau de 0 à ${DEFAULT_MAX_REACHABLE_LEVEL}.`, MARGIN + 200, scoreTop + 13, {
      width: width - 216,
    });
  doc.x = MARGIN;
  doc.y = scoreTop + 66;

  for (const area of certificate.areas) {
    const top = doc.y;
    doc.rect(MARGIN, top, 4, 16).fillColor(AREA_SHADES[area.color] ?? GREY).fill();
    doc.font('Helvetica-Bold').fontSize(11.5).fillColor('black').text(`${area.code}. ${area.title}`, MARGIN + 10, top + 2, { width: width - 10 });
    doc.y = top + 20;
    for (const competence of area.competences) {
      const line = doc.y;
      doc.font('Helvetica').fontSize(9.5).fillColor('black').text(`${competence.index}  ${competence.name}`, MARGIN + 10, line, { width: width - 100, lineBreak: false, ellipsis: true });
      doc
        .font('Helvetica-Bold')
        .text(competence.level === null ? 'non évaluée' : `niveau ${competence.level}`, MARGIN + width - 90, line, { width: 90, align: 'right' });
      doc.strokeColor(RULE).lineWidth(0.4).moveTo(MARGIN + 10, line + 13).lineTo(MARGIN + width, line + 13).stroke();
      doc.y = line + 16;
    }
    doc.y += 6;
  }

  if (certificate.publicComment) {
    doc.moveDown(0.3);
    doc.font('Helvetica-Bold').fontSize(10).fillColor('black').text('Commentaire du jury', MARGIN, doc.y, { width });
    doc.font('Helvetica').fontSize(9.5).fillColor(GREY).text(certificate.publicComment, { width, height: 60, ellipsis: true });
  }

  const footer = doc.page.height - MARGIN - 34;
  doc.strokeColor(RULE).lineWidth(0.6).moveTo(MARGIN, footer - 8).lineTo(MARGIN + width, footer - 8).stroke();
  doc.font('Helvetica').fontSize(9.5).fillColor(GREY).text('Code de vérification', MARGIN, footer, { width: width / 2 });
  doc.font('Helvetica-Bold').fontSize(14).fillColor('black').text(certificate.verificationCode, MARGIN, footer + 12, { width: width / 2 });
  doc
    .font('Helvetica')
    .fontSize(9)
    .fillColor(GREY)
    .text(`Vérifiez l'authenticité de ce certificat sur ${options.verificationUrl}`, MARGIN + width / 2, footer + 2, { width: width / 2, align: 'right' });
}

/**
 * Certificates one per page, in the order given; returns the document already ended, for
 * the caller to stream. pdfkit opens the first page itself, so each later one adds a page.
 */
export function certificatesPdf(certificates: readonly Certificate[], options: CertificatePdfOptions & { title: string }): PDFKit.PDFDocument {
  const doc = new PDFDocument({ size: 'A4', margin: MARGIN, info: { Title: options.title, Author: 'Jalon' }, lang: 'fr-FR' });
  certificates.forEach((certificate, i) => {
    if (i > 0) doc.addPage();
    drawCertificate(doc, certificate, options);
  });
  doc.end();
  return doc;
}

/** `certificat-J-ABCD2345.pdf` */
export function certificateFileName(certificate: Pick<Certificate, 'verificationCode'>): string {
  return `certificat-${certificate.verificationCode}.pdf`;
}
