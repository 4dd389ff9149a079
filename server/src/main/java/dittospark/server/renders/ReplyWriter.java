package dittospark.server.renders;

import dittospark.errors.RenderException;

/** Turns the line a user typed into what the avatar says. */
@FunctionalInterface
public interface ReplyWriter {
    /** Without a chat endpoint the avatar says the typed line itself. */
    ReplyWriter ECHO = (line, language) -> line;

    String reply(String line, String language) throws RenderException;
}
