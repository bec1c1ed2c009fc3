package org.openpe.core.config;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.time.Duration;
import java.util.List;

/**
 * The configuration as written, one record per object of the seed API, before defaults and
 * validation. Component names are the configuration keys; {@code null} means "not set".
 */
public final class Specs {

    private Specs() {}

    public record UnderlaySpec(
            Long asn,
            String routeridcidr,
            List<NeighborSpec> neighbors,
            List<String> nics,
            EvpnSpec evpn,
            GracefulRestartSpec gracefulRestart) {}

    public record GracefulRestartSpec(Long restartTimeSeconds, Long stalePathTimeSeconds) {}

    public record NeighborSpec(
            Long asn,
            Long hostasn,
            String address,
            Long port,
            String password,
            String passwordSecret,
            @JsonDeserialize(using = GoDurationDeserializer.class) Duration holdTime,
            @JsonDeserialize(using = GoDurationDeserializer.class) Duration keepaliveTime,
            @JsonDeserialize(using = GoDurationDeserializer.class) Duration connectTime,
            Boolean ebgpMultiHop,
            BfdSpec bfd,
            String type) {}

    public record BfdSpec(
            Long receiveInterval,
            Long transmitInterval,
            Long detectMultiplier,
            Long echoInterval,
            Boolean echoMode,
            Boolean passiveMode,
            Long minimumTtl) {}

    public record EvpnSpec(String vtepcidr) {}

    public record NodeSpec(
            Long nodeIndex,
            String nodeIndexInterface,
            String nodeIndexCidr,
            String routerNamespace,
            FrrSpec frr,
            String logLevel,
            Long metricsPort,
            String metricsTextfile) {}

    public record FrrSpec(
            Boolean supervise, String pathspace, String binaryDir, String vtysh, String reloadScript, String configDir) {}
}
