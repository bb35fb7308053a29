package org.mingzhang.gift;

/** Who gave: a person, an enterprise (which may carry a unified social credit code) or another organisation. */
public enum DonorKind {
    PERSON, ENTERPRISE, ORGANIZATION
}
