package dittospark.job;

import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStore;
import org.jclouds.blobstore.BlobStoreContext;
import org.jclouds.blobstore.domain.StorageMetadata;
import org.jclouds.blobstore.domain.StorageType;
import org.jclouds.blobstore.options.ListContainerOptions;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

/** An S3 API server on 127.0.0.1 storing objects in a local folder, and the s3a settings to reach it. */
final class S3Server implements AutoCloseable {
    static final String BUCKET = "media";
    private static final String KEY = "test-access";
    private static final String SECRET = "test-secret";

    private final BlobStoreContext context;
    private final S3Proxy proxy;

    S3Server(Path folder) throws Exception {
        Properties props = new Properties();
        props.setProperty("jclouds.filesystem.basedir", folder.toString());
        context = ContextBuilder.newBuilder("filesystem").overrides(props).build(BlobStoreContext.class);
        context.getBlobStore().createContainerInLocation(null, BUCKET);
        proxy = S3Proxy.builder().blobStore(context.getBlobStore()).endpoint(URI.create("http://127.0.0.1:0"))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, KEY, SECRET).build();
        proxy.start();
        long deadline = System.currentTimeMillis() + 30_000;
        while (!"STARTED".equals(proxy.getState())) {
            if (System.currentTimeMillis() > deadline) {
                throw new IllegalStateException("the S3 server did not start: " + proxy.getState());
            }
            Thread.sleep(10);
        }
    }

    /** Hadoop settings for s3a:// against this server: path-style, plain HTTP, static keys. */
    Map<String, String> hadoop() {
        return Map.of(
                "fs.s3a.endpoint", "http://127.0.0.1:" + proxy.getPort(),
                "fs.s3a.endpoint.region", "us-east-1",
                "fs.s3a.path.style.access", "true",
                "fs.s3a.connection.ssl.enabled", "false",
                "fs.s3a.access.key", KEY,
                "fs.s3a.secret.key", SECRET,
                "fs.s3a.aws.credentials.provider", "org.apache.hadoop.fs.s3a.SimpleAWSCredentialsProvider",
                // each test class starts its own server on a new port: no cached file system may outlive it
                "fs.s3a.impl.disable.cache", "true");
    }

    static String uri(String key) {
        return "s3a://" + BUCKET + "/" + key;
    }

    void put(String key, Path file) {
        BlobStore store = context.getBlobStore();
        store.putBlob(BUCKET, store.blobBuilder(key).payload(file.toFile()).contentLength(file.toFile().length()).build());
    }

    /** Uploads every file under {@code folder} below {@code prefix}. */
    void putFolder(String prefix, Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                put(prefix + "/" + folder.relativize(f).toString().replace('\\', '/'), f);
            }
        }
    }

    byte[] get(String key) throws IOException {
        try (InputStream in = context.getBlobStore().getBlob(BUCKET, key).getPayload().openStream()) {
            return in.readAllBytes();
        }
    }

    /** Every object key under {@code prefix} (the filesystem backend also lists its folders; those are not objects). */
    List<String> keys(String prefix) {
        List<String> keys = new ArrayList<>();
        for (StorageMetadata m : context.getBlobStore().list(BUCKET, ListContainerOptions.Builder.prefix(prefix).recursive())) {
            if (m.getType() == StorageType.BLOB) {
                keys.add(m.getName());
            }
        }
        return keys.stream().sorted().toList();
    }

    @Override
    public void close() throws Exception {
        proxy.stop();
        context.close();
    }
}
