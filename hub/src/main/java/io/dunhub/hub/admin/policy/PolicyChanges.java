package io.dunhub.hub.admin.policy;

import io.dunhub.hub.dunning.policy.PolicySet;

/**
 * Told when a policy file is saved through the API, with the validated set as it is on disk now:
 * the running dunning engine uses it from its next sweep (bound by the dunning runtime).
 */
public interface PolicyChanges {

  void saved(PolicySet policies);

  PolicyChanges NONE = policies -> {};
}
