package dev.guard4j.filters.pii;

import java.util.List;

/** Finds candidate values of one or more categories in a scanned text. */
interface Recognizer {

    /** Returns the categories this recognizer can report. */
    List<String> categories();

    /**
     * Adds what it finds to {@code out}; scores are before context boosting.
     *
     * @param scan the text with its lazily computed trigger regions
     * @param out where candidates go
     */
    void find(TextScan scan, List<Candidate> out);
}
