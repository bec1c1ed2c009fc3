package org.openpe.api.frr;

import java.util.Optional;
import java.util.regex.Pattern;
import org.openpe.api.model.PeerType;

/**
 * A BGP neighbor. It is activated in the address family of its address, and in L2VPN EVPN when
 * {@code evpn} is set.
 *
 * @param remoteAs 1..4294967295, or 0 with {@code peerType}
 * @param port the TCP port to dial (FRR: {@code neighbor X port})
 * @param holdTime seconds, 0 or 3..65535; set together with {@code keepaliveTime}
 * @param keepaliveTime seconds, at most {@code holdTime}
 * @param connectTime seconds between connection attempts, 1..65535
 * @param password TCP MD5 password; rendered into the configuration, masked in {@link #toString()}
 *     and in every display rendering
 * @param bfd whether BFD runs for this session (implied by {@code bfdProfile})
 * @param bfdProfile the {@link BfdProfile} of this session, when it has BFD settings
 * @param allowAsIn accept routes carrying our own ASN (every node shares one)
 * @param evpn also activated in L2VPN EVPN (with {@code allowas-in} when {@code allowAsIn})
 * @param permissiveRouteMaps accept and announce everything (host sessions)
 * @param peerType {@code remote-as internal|external} instead of an AS number
 */
public record BgpNeighbor(
        String address,
        long remoteAs,
        Optional<Integer> port,
        Optional<Integer> holdTime,
        Optional<Integer> keepaliveTime,
        Optional<Integer> connectTime,
        boolean ebgpMultihop,
        Optional<String> password,
        boolean bfd,
        Optional<String> bfdProfile,
        boolean allowAsIn,
        boolean evpn,
        boolean permissiveRouteMaps,
        Optional<PeerType> peerType) {

    /** TCP MD5 keys are at most 80 bytes; whitespace would split the FRR command. */
    private static final Pattern PASSWORD = Pattern.compile("\\p{Graph}{1,80}");

    public BgpNeighbor {
        IpLiterals.requireAddress(address, "BGP neighbor address");
        if (peerType.isPresent() && remoteAs != 0) {
            throw new IllegalArgumentException("neighbor " + address + " has both a remote AS (" + remoteAs
                    + ") and a peer type (" + peerType.get().keyword() + ")");
        }
        if (peerType.isEmpty() && (remoteAs < 1 || remoteAs > 4_294_967_295L)) {
            throw new IllegalArgumentException("remote AS of neighbor " + address + " must be within 1..4294967295, got " + remoteAs);
        }
        port.ifPresent(p -> Words.requireRange(p, 0, 65_535, "port of neighbor " + address));
        if (holdTime.isPresent() != keepaliveTime.isPresent()) {
            throw new IllegalArgumentException("neighbor " + address + ": holdTime and keepaliveTime must be set together");
        }
        holdTime.ifPresent(h -> {
            if (h != 0 && (h < 3 || h > 65_535)) {
                throw new IllegalArgumentException("holdTime of neighbor " + address + " must be 0 or within 3..65535 s, got " + h);
            }
            if (keepaliveTime.get() < 0 || keepaliveTime.get() > h) {
                throw new IllegalArgumentException("keepaliveTime of neighbor " + address + " must be within 0..holdTime ("
                        + h + " s), got " + keepaliveTime.get());
            }
        });
        connectTime.ifPresent(c -> Words.requireRange(c, 1, 65_535, "connectTime of neighbor " + address));
        password.ifPresent(p -> {
            if (!PASSWORD.matcher(p).matches()) {
                // never echo the value: it is a secret
                throw new IllegalArgumentException("password of neighbor " + address
                        + " must be 1..80 printable characters without whitespace");
            }
        });
        bfdProfile.ifPresent(p -> Words.requireWord(p, "BFD profile of neighbor " + address));
        bfd = bfd || bfdProfile.isPresent();
    }

    /** The canonical constructor of version 1.0, for a neighbor given by its AS number. */
    public BgpNeighbor(String address, long remoteAs, Optional<Integer> port, Optional<Integer> holdTime,
            Optional<Integer> keepaliveTime, Optional<Integer> connectTime, boolean ebgpMultihop, Optional<String> password,
            boolean bfd, Optional<String> bfdProfile, boolean allowAsIn, boolean evpn, boolean permissiveRouteMaps) {
        this(address, remoteAs, port, holdTime, keepaliveTime, connectTime, ebgpMultihop, password, bfd, bfdProfile,
                allowAsIn, evpn, permissiveRouteMaps, Optional.empty());
    }

    /** A plain session with a peer of {@code type} ({@code remote-as internal|external}). */
    public static BgpNeighbor of(String address, PeerType type) {
        return new BgpNeighbor(address, 0, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), false, Optional.empty(), false, Optional.empty(), false, false, false, Optional.of(type));
    }

    /** A plain session with a peer of AS {@code remoteAs}, or of {@code type} when given. */
    public static BgpNeighbor of(String address, long remoteAs, Optional<PeerType> type) {
        return type.map(t -> of(address, t)).orElseGet(() -> of(address, remoteAs));
    }

    /** FRR's {@code remote-as} argument: the AS number or {@code internal}/{@code external}. */
    public String remoteAsWord() {
        return peerType.map(PeerType::keyword).orElse(Long.toString(remoteAs));
    }

    /** A plain session: no timers, password or BFD. */
    public static BgpNeighbor of(String address, long remoteAs) {
        return new BgpNeighbor(address, remoteAs, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), false, Optional.empty(), false, Optional.empty(), false, false, false, Optional.empty());
    }

    /** {@code true} when the address is IPv6, which selects the {@code ipv6 unicast} address family. */
    public boolean ipv6() {
        return IpLiterals.isIpv6(address);
    }

    public BgpNeighbor withPort(int value) {
        return new BgpNeighbor(address, remoteAs, Optional.of(value), holdTime, keepaliveTime, connectTime,
                ebgpMultihop, password, bfd, bfdProfile, allowAsIn, evpn, permissiveRouteMaps, peerType);
    }

    public BgpNeighbor withTimers(int holdSeconds, int keepaliveSeconds) {
        return new BgpNeighbor(address, remoteAs, port, Optional.of(holdSeconds), Optional.of(keepaliveSeconds),
                connectTime, ebgpMultihop, password, bfd, bfdProfile, allowAsIn, evpn, permissiveRouteMaps, peerType);
    }

    public BgpNeighbor withConnectTime(int seconds) {
        return new BgpNeighbor(address, remoteAs, port, holdTime, keepaliveTime, Optional.of(seconds),
                ebgpMultihop, password, bfd, bfdProfile, allowAsIn, evpn, permissiveRouteMaps, peerType);
    }

    public BgpNeighbor withEbgpMultihop(boolean on) {
        return new BgpNeighbor(address, remoteAs, port, holdTime, keepaliveTime, connectTime,
                on, password, bfd, bfdProfile, allowAsIn, evpn, permissiveRouteMaps, peerType);
    }

    public BgpNeighbor withPassword(String value) {
        return new BgpNeighbor(address, remoteAs, port, holdTime, keepaliveTime, connectTime,
                ebgpMultihop, Optional.of(value), bfd, bfdProfile, allowAsIn, evpn, permissiveRouteMaps, peerType);
    }

    /** Plain {@code neighbor X bfd} with FRR's default timers. */
    public BgpNeighbor withBfd() {
        return new BgpNeighbor(address, remoteAs, port, holdTime, keepaliveTime, connectTime,
                ebgpMultihop, password, true, bfdProfile, allowAsIn, evpn, permissiveRouteMaps, peerType);
    }

    public BgpNeighbor withBfdProfile(String profile) {
        return new BgpNeighbor(address, remoteAs, port, holdTime, keepaliveTime, connectTime,
                ebgpMultihop, password, true, Optional.of(profile), allowAsIn, evpn, permissiveRouteMaps, peerType);
    }

    public BgpNeighbor withAllowAsIn(boolean on) {
        return new BgpNeighbor(address, remoteAs, port, holdTime, keepaliveTime, connectTime,
                ebgpMultihop, password, bfd, bfdProfile, on, evpn, permissiveRouteMaps, peerType);
    }

    public BgpNeighbor withEvpn(boolean on) {
        return new BgpNeighbor(address, remoteAs, port, holdTime, keepaliveTime, connectTime,
                ebgpMultihop, password, bfd, bfdProfile, allowAsIn, on, permissiveRouteMaps, peerType);
    }

    public BgpNeighbor withPermissiveRouteMaps(boolean on) {
        return new BgpNeighbor(address, remoteAs, port, holdTime, keepaliveTime, connectTime,
                ebgpMultihop, password, bfd, bfdProfile, allowAsIn, evpn, on, peerType);
    }

    /** Every field except the password, which is shown as {@code ****} when set. */
    @Override
    public String toString() {
        return "BgpNeighbor[address=" + address + ", remoteAs=" + remoteAs + ", port=" + port + ", holdTime=" + holdTime
                + ", keepaliveTime=" + keepaliveTime + ", connectTime=" + connectTime + ", ebgpMultihop=" + ebgpMultihop
                + ", password=" + password.map(p -> "****") + ", bfd=" + bfd + ", bfdProfile=" + bfdProfile
                + ", allowAsIn=" + allowAsIn + ", evpn=" + evpn + ", permissiveRouteMaps=" + permissiveRouteMaps
                + ", peerType=" + peerType + "]";
    }
}
