package it.rivendo.api;

import java.io.Serializable;

/**
 * Who calls the API: a key of a reseller, with its scope. The principal of an API
 * request; never kept in a session.
 *
 * @param actor what the audit trail and the orders record as the author, e.g.
 * {@code api:rvk_live_AbCd1234}
 */
public record ApiCaller(long keyId, long resellerId, ApiScope scope, String prefix) implements Serializable {

	public String actor() {
		return "api:" + prefix;
	}

}
