package io.dunhub.core.contract;

import io.dunhub.core.auth.TokenStore;
import io.dunhub.core.testing.ManualClock;
import okhttp3.OkHttpClient;

/**
 * What {@link ConnectorContractTest} gives a fixture when it starts a fresh host.
 *
 * @param connection the name of the connection the test will open (unique per test)
 * @param clock the connection's clock; sleeping on it advances it, so waits cost no time. The
 *     contract's "now" is well after every timestamp it seeds.
 * @param tokens the token store the connection will use; a fixture for an OAuth host stores the
 *     connection's first token here (version 0 → 1) so the connector starts authenticated
 * @param http the process-wide client the connection derives its own from
 */
public record ContractEnvironment(
    String connection, ManualClock clock, TokenStore tokens, OkHttpClient http) {}
