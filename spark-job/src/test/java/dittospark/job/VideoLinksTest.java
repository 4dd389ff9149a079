package dittospark.job;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class VideoLinksTest {
    private final VideoLinks links = new VideoLinks("file:/data/out");

    @Test
    void outputsInsideTheFolderAreRelativeSoTheFolderCanMove() {
        assertThat(links.href("file:/data/out/a.mp4")).as("beside the report").isEqualTo("./a.mp4");
        assertThat(links.href("file:/data/out/fr/b.mp4")).as("in a subfolder").isEqualTo("./fr/b.mp4");
    }

    @Test
    void namesAreEscapedForUris() {
        assertThat(links.href("file:/data/out/a b#1?.mp4")).as("space, hash and question mark")
                .isEqualTo("./a%20b%231%3F.mp4");
        assertThat(links.href("file:/data/out/x:y.mp4")).as("a colon does not make a scheme").isEqualTo("./x:y.mp4");
    }

    @Test
    void outputsElsewhereAreAbsolute() {
        assertThat(links.href("file:/data/outside/a.mp4")).as("a sibling folder sharing the prefix")
                .isEqualTo("file:///data/outside/a.mp4");
        assertThat(links.href("s3a://bucket/out/a.mp4")).as("another file system").isEqualTo("s3a://bucket/out/a.mp4");
        assertThat(new VideoLinks("s3a://bucket/out").href("s3a://bucket/out/a.mp4")).as("relative on s3a too")
                .isEqualTo("./a.mp4");
    }
}
