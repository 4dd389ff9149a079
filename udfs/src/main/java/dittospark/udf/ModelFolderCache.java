package dittospark.udf;

import dittospark.engine.LocalModels;
import dittospark.errors.ErrorKind;
import dittospark.errors.RenderException;
import dittospark.files.LocalFiles;
import dittospark.files.StagedFolder;
import dittospark.models.ModelContracts;
import dittospark.models.ModelSpec;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Model folders on local disk. A folder on another file system (hdfs://, s3a://, ...) is copied into
 * the cache directory under a name derived from its listing, through a temporary folder renamed
 * atomically, so executors sharing a disk never see a half-copied set and a changed remote set gets a
 * fresh copy. A local folder is used in place. Either way the folder is
 * verified against the model contracts before use.
 */
public final class ModelFolderCache {
    private static final String HASH_FILE = ".dittospark-model-hash";

    private final java.nio.file.Path cacheDir;

    public ModelFolderCache(java.nio.file.Path cacheDir) {
        this.cacheDir = cacheDir;
    }

    /**
     * The verified local folder of the model set at {@code uri}, copied unless this disk already holds
     * a copy of the same listing. Costs a listing or, for a local folder, a hash of its files: callers
     * keep the result ({@link dittospark.engine.EngineRegistry#localModels}).
     */
    public LocalModels local(String uri, Configuration conf) throws RenderException {
        try {
            return resolve(uri, conf);
        } catch (IOException e) {
            throw new RenderException(ErrorKind.MODEL_MISMATCH, "cannot read the model set " + uri + ": "
                    + e.getMessage(), e);
        }
    }

    private LocalModels resolve(String uri, Configuration conf) throws IOException, RenderException {
        Path root = new Path(uri);
        if (HadoopFiles.isLocal(root)) {
            java.nio.file.Path folder = java.nio.file.Path.of(root.toUri().getPath());
            verify(uri, folder);
            return new LocalModels(uri, folder, LocalFiles.folderHash(folder));
        }
        FileSystem fs = HadoopFiles.fileSystem(root, conf);
        Map<String, LocatedFileStatus> files = listing(fs, root);
        java.nio.file.Path folder = cacheDir.resolve(fingerprint(uri, files));
        if (!Files.isDirectory(folder)) {
            copy(fs, root, files, folder);
        }
        verify(uri, folder);
        return new LocalModels(uri, folder, Files.readString(folder.resolve(HASH_FILE)).trim());
    }

    private void copy(FileSystem fs, Path root, Map<String, LocatedFileStatus> files, java.nio.file.Path folder)
            throws IOException {
        StagedFolder.write(folder, temp -> {
            for (Map.Entry<String, LocatedFileStatus> f : files.entrySet()) {
                java.nio.file.Path to = temp.resolve(f.getKey());
                Files.createDirectories(to.getParent());
                try (InputStream in = fs.open(f.getValue().getPath())) {
                    Files.copy(in, to);
                }
            }
            Files.writeString(temp.resolve(HASH_FILE), LocalFiles.folderHash(temp));
        });
    }

    /** Files under {@code root} by relative path, hidden files (of earlier tools) excluded. */
    private static Map<String, LocatedFileStatus> listing(FileSystem fs, Path root) throws IOException {
        Map<String, LocatedFileStatus> files = new TreeMap<>();
        String prefix = fs.getFileStatus(root).getPath().toUri().getPath();
        RemoteIterator<LocatedFileStatus> it = fs.listFiles(root, true);
        while (it.hasNext()) {
            LocatedFileStatus f = it.next();
            String relative = f.getPath().toUri().getPath().substring(prefix.length()).replaceFirst("^/", "");
            if (!relative.startsWith(".") && !relative.contains("/.")) {
                files.put(relative, f);
            }
        }
        return files;
    }

    private static String fingerprint(String uri, Map<String, LocatedFileStatus> files) {
        MessageDigest sha = LocalFiles.sha256();
        sha.update(uri.getBytes(StandardCharsets.UTF_8));
        files.forEach((name, f) -> sha.update(("\n" + name + "\t" + f.getLen() + "\t" + f.getModificationTime())
                .getBytes(StandardCharsets.UTF_8)));
        return HexFormat.of().formatHex(sha.digest()).substring(0, 24);
    }

    /** Checks that the folder holds every model file of the contracts and a config file. */
    static void verify(String uri, java.nio.file.Path folder) throws RenderException {
        if (!Files.isDirectory(folder)) {
            throw new RenderException(ErrorKind.MODEL_MISMATCH, "the model set " + uri + " is not a folder");
        }
        ModelContracts contracts = ModelContracts.release();
        List<String> missing = new ArrayList<>();
        for (ModelSpec spec : contracts.models()) {
            if (!Files.isRegularFile(folder.resolve(spec.file()))) {
                missing.add(spec.file());
            }
        }
        if (contracts.configFiles().stream().noneMatch(f -> Files.isRegularFile(folder.resolve(f)))) {
            missing.add(String.join(" or ", contracts.configFiles()));
        }
        if (!missing.isEmpty()) {
            throw new RenderException(ErrorKind.MODEL_MISMATCH,
                    "the model set " + uri + " lacks " + String.join(", ", missing));
        }
    }
}
