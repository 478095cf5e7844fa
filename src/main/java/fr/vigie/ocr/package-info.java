/**
 * Screenshots read as text: Tesseract run as a separate process, with a size check before it and a timeout around
 * it. Entry: {@link fr.vigie.ocr.Ocr#read(byte[])}. In: the bytes of a PNG, JPEG, GIF, BMP or WebP image; out: the
 * text in reading order (one paragraph per chat bubble, top to bottom), ready for the same analysis as pasted text.
 * An edge (it starts a program); the core never imports it. Invariant: an image is measured from its header before
 * any decoder sees it, so an image bomb is refused by its declared size.
 */
package fr.vigie.ocr;
