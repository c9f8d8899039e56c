package org.rebound.model;

/** What a site is. The lower-case, hyphenated {@link #id()} is the model file spelling. */
public enum SiteKind implements Coded {
    PLANT, LOGISTICS, OFFICE, DATACENTER, CLOUD, DEALER, SUPPLIER, OTHER;

    @Override
    public String id() {
        return Coded.idOf(this);
    }
}
