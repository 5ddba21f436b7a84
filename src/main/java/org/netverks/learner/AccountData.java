package org.netverks.learner;

import java.util.UUID;

/**
 * What another feature keeps per account (the discussion's posts, say): it goes into the
 * account's export and is erased with the account, without learner knowing that feature.
 */
public interface AccountData {

    /** The key of this feature's part in the export file. */
    String exportKey();

    Object export(UUID accountId);

    /** Erases what the account wrote; called inside the deletion's transaction, before the account row goes. */
    void erase(UUID accountId);
}
