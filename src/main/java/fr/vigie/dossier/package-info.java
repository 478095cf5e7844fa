/**
 * PDF dossiers: a complaint-ready dossier for the victim of one report, and an investigation dossier for a campaign.
 * Entry: {@link fr.vigie.dossier.DossierWriter}, which renders a {@link fr.vigie.dossier.VictimDossier} or a {@link
 * fr.vigie.dossier.CampaignDossier} to an {@code OutputStream} in French or English (PDFBox, DejaVu fonts embedded).
 * Reads nothing itself: the store's records are handed in, a campaign's reports a page at a time. Invariant: every
 * text is drawn with glyphs the embedded font has (others are replaced), and no victim's identity is ever drawn.
 */
package fr.vigie.dossier;
