package dev.scangate.local.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The runtime's state on disk, one sub-directory per service, held with an exclusive lock so two
 * runtimes never write the same files. Everything the runtime must remember across a restart
 * lives here.
 */
public final class DataDirectory implements AutoCloseable {

    private final Path root;
    private final FileChannel lockChannel;
    private final FileLock lock;

    private DataDirectory(Path root, FileChannel lockChannel, FileLock lock) {
        this.root = root;
        this.lockChannel = lockChannel;
        this.lock = lock;
    }

    /** Creates the directory if needed and locks it; fails if another process holds it. */
    public static DataDirectory open(Path root) {
        Path absolute = root.toAbsolutePath().normalize();
        FileChannel channel = null;
        try {
            Files.createDirectories(absolute);
            channel = FileChannel.open(absolute.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                throw new DataDirectoryInUseException(absolute);
            }
            return new DataDirectory(absolute, channel, lock);
        } catch (OverlappingFileLockException e) {
            closeQuietly(channel);
            throw new DataDirectoryInUseException(absolute);
        } catch (IOException e) {
            closeQuietly(channel);
            throw new UncheckedIOException("cannot use data directory " + absolute, e);
        } catch (RuntimeException e) {
            closeQuietly(channel);
            throw e;
        }
    }

    public Path root() {
        return root;
    }

    public Path s3() {
        return directory("s3");
    }

    public Path dynamoDb() {
        return directory("dynamodb");
    }

    public Path sns() {
        return directory("sns");
    }

    public Path events() {
        return directory("events");
    }

    /** Reserved for the outbox: one {@code .eml} per notification. */
    public Path outbox() {
        return directory("outbox");
    }

    /** Reserved for the local Step Functions engine's database. */
    public Path stepFunctions() {
        return directory("stepfunctions");
    }

    /** Reserved for the local Macie (jobs, findings). */
    public Path macie() {
        return directory("macie");
    }

    /**
     * The key approval links are signed with: made once, kept, so links mailed before a restart
     * still verify after it. Readable by the owner only.
     */
    public String approvalSigningKey() {
        Path file = root.resolve("approval-signing.key");
        try {
            if (!Files.exists(file)) {
                byte[] key = new byte[32];
                new SecureRandom().nextBytes(key);
                Path temporary = root.resolve("approval-signing.key.tmp");
                Files.writeString(temporary, HexFormat.of().formatHex(key));
                try {
                    Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException e) {
                    // not a POSIX file system (Windows): the directory's own permissions apply
                }
                Files.move(temporary, file);
            }
            return Files.readString(file).trim();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the approval signing key in " + root, e);
        }
    }

    private Path directory(String name) {
        Path dir = root.resolve(name);
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir, e);
        }
        return dir;
    }

    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException e) {
            // the channel close below releases it as well
        }
        closeQuietly(lockChannel);
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                // nothing left to release
            }
        }
    }

    /** Another scangate process (or runtime in this JVM) is using the directory. */
    public static final class DataDirectoryInUseException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        DataDirectoryInUseException(Path root) {
            super("data directory " + root + " is in use by another scangate runtime; stop it or choose another with --data-dir");
        }
    }
}
