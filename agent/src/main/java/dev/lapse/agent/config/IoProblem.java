package dev.lapse.agent.config;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;

/** An I/O failure in words for a start-up line: {@code /srv/out: Permission denied}, not an exception's name. */
public final class IoProblem {
    private IoProblem() {}

    /** What went wrong, naming the file it went wrong on when the exception knows it. */
    public static String describe(IOException e) {
        if (e instanceof FileSystemException) {
            FileSystemException f = (FileSystemException) e;
            if (f.getReason() != null) {
                return f.getMessage();
            }
            String file = f.getFile() == null ? "" : f.getFile() + ": ";
            if (e instanceof NoSuchFileException) {
                return file + "No such file or directory";
            }
            if (e instanceof AccessDeniedException) {
                return file + "Permission denied";
            }
            if (e instanceof FileAlreadyExistsException) {
                return file + "exists and is not a directory";
            }
        }
        return e.getMessage() == null ? e.toString() : e.getMessage();
    }
}
