package dittospark.job;

import java.util.Map;

/**
 * One manifest row as read, every value as text (JSON text for structured values), before validation.
 *
 * @param number     the row's position in the manifest, from 1, for messages
 * @param unreadable why the row could not be parsed at all, or null
 */
public record ManifestRow(int number, Map<String, String> values, String unreadable) {
    public ManifestRow(int number, Map<String, String> values) {
        this(number, values, null);
    }

    public String get(String column) {
        String v = values.get(column);
        return v == null || v.isBlank() ? null : v.trim();
    }
}
