package org.rebound.model;

/** The kind of a system, as named in the model file ({@code kind: erp}). */
public enum SystemKind implements Coded {
    IDENTITY, NETWORK, SERVER, ERP, MES, OT, WMS, SAAS, DATABASE, ENDPOINT, BACKUP, OTHER;

    @Override
    public String id() {
        return Coded.idOf(this);
    }
}
