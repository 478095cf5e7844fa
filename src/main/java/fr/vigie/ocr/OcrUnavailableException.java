package fr.vigie.ocr;

import fr.vigie.VigieException;

/** Tesseract is not installed (or will not start) on this machine: whoever runs Vigie must install it. */
public final class OcrUnavailableException extends VigieException {
    public OcrUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
