package org.mingzhang.api.donations;

import io.swagger.v3.oas.annotations.media.Schema;

/** CREATED and REPLAYED rows hold a gift; REFUSED (by the ledger) and INVALID (by the format) wrote nothing. */
@Schema(name = "DonationImportRowStatus")
public enum ImportRowStatus { CREATED, REPLAYED, REFUSED, INVALID }
