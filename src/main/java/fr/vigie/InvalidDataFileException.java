package fr.vigie;

/** One of Vigie's own data files (rules, lists, tables) is wrong; the message names the file and the entry. */
public final class InvalidDataFileException extends VigieException {
    public InvalidDataFileException(String file, String problem) {
        super(file + ": " + problem);
    }

    public InvalidDataFileException(String file, String problem, Throwable cause) {
        super(file + ": " + problem, cause);
    }
}
