package org.rebound.breach;

/** Receives the records a scan finds, as it finds them. Implementations must be thread-safe. */
interface RecordSink {

    void accept(PersonRecord record);
}
