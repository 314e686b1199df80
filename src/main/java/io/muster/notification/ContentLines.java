package io.muster.notification;

/**
 * Folding of iCalendar content lines (RFC 5545, section 3.1): a line longer than 75 octets of
 * UTF-8, line break excluded, goes on after CRLF and one space, never inside a character's octets.
 * ical4j's FoldingWriter, which its CalendarOutputter writes through, counts UTF-16 chars instead
 * (and 73 of them by default), so a line with accented letters or an emoji in it would still be too
 * long, and a surrogate pair could be cut in two.
 */
final class ContentLines {

    static final int MAX_OCTETS = 75;

    private ContentLines() {
    }

    /** The calendar text as written by ical4j (lines ending in CRLF, none folded), folded. */
    static String fold(String unfolded) {
        StringBuilder folded = new StringBuilder(unfolded.length() + unfolded.length() / 24);
        int octets = 0;
        for (int i = 0; i < unfolded.length(); i += Character.charCount(unfolded.codePointAt(i))) {
            int c = unfolded.codePointAt(i);
            if (c == '\r' || c == '\n') {
                octets = 0;
            } else {
                int size = utf8Octets(c);
                if (octets + size > MAX_OCTETS) {
                    folded.append("\r\n ");
                    octets = 1;
                }
                octets += size;
            }
            folded.appendCodePoint(c);
        }
        return folded.toString();
    }

    private static int utf8Octets(int codePoint) {
        if (codePoint < 0x80) {
            return 1;
        }
        if (codePoint < 0x800) {
            return 2;
        }
        return codePoint < 0x10000 ? 3 : 4;
    }
}
