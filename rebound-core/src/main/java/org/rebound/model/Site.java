package org.rebound.model;

/** A place the enterprise operates: a plant, the parts logistics centre, an office, a data centre. */
public record Site(String id, String name, SiteKind kind) {
}
