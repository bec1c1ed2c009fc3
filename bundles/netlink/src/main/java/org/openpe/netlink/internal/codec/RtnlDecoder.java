package org.openpe.netlink.internal.codec;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.util.Optional;

import org.openpe.netlink.Addr;
import org.openpe.netlink.IpPrefix;
import org.openpe.netlink.Route;
import org.openpe.netlink.RouteType;

/** Decodes RTM_NEWADDR / RTM_NEWROUTE messages (also their DEL twins) into the read model; links: {@link LinkDecoder}. */
public final class RtnlDecoder {
    private static final int IFADDRMSG_LEN = 8;
    private static final int RTMSG_LEN = 12;
    private static final int IFA_F_FLAGS_BYTE = 0xff;

    private RtnlDecoder() {
    }

    public static Addr addr(ByteBuffer b, int offset) {
        int end = offset + b.getInt(offset);
        int body = offset + Nl.HDRLEN;
        int family = b.get(body) & 0xff;
        int prefixLength = b.get(body + 1) & 0xff;
        int flags = b.get(body + 2) & IFA_F_FLAGS_BYTE;
        int scope = b.get(body + 3) & 0xff;
        int index = b.getInt(body + 4);
        InetAddress local = null;
        InetAddress address = null;
        String label = "";
        for (int a = body + IFADDRMSG_LEN; NlAttrs.fits(b, a, end); a = NlAttrs.next(b, a)) {
            switch (NlAttrs.type(b, a)) {
                case Ifa.LOCAL -> local = NlAttrs.address(b, a);
                case Ifa.ADDRESS -> address = NlAttrs.address(b, a);
                case Ifa.LABEL -> label = NlAttrs.string(b, a);
                case Ifa.FLAGS -> flags = NlAttrs.u32(b, a);
                default -> {
                }
            }
        }
        // IFA_LOCAL is the interface's own address; IFA_ADDRESS is the peer on point-to-point links.
        InetAddress own = local != null ? local : address;
        if (own == null) {
            own = zeroAddress(family);
        }
        return new Addr(index, new IpPrefix(own, prefixLength), flags, scope, label);
    }

    public static Route route(ByteBuffer b, int offset) {
        int end = offset + b.getInt(offset);
        int body = offset + Nl.HDRLEN;
        int family = b.get(body) & 0xff;
        int dstLength = b.get(body + 1) & 0xff;
        int table = b.get(body + 4) & 0xff;
        int protocol = b.get(body + 5) & 0xff;
        int scope = b.get(body + 6) & 0xff;
        RouteType type = RouteType.of(b.get(body + 7) & 0xff);
        InetAddress destination = null;
        Optional<InetAddress> gateway = Optional.empty();
        Optional<InetAddress> preferredSource = Optional.empty();
        int outputIndex = 0;
        int priority = 0;
        for (int a = body + RTMSG_LEN; NlAttrs.fits(b, a, end); a = NlAttrs.next(b, a)) {
            switch (NlAttrs.type(b, a)) {
                case Rta.DST -> destination = NlAttrs.address(b, a);
                case Rta.GATEWAY -> gateway = Optional.of(NlAttrs.address(b, a));
                case Rta.PREFSRC -> preferredSource = Optional.of(NlAttrs.address(b, a));
                case Rta.OIF -> outputIndex = NlAttrs.u32(b, a);
                case Rta.PRIORITY -> priority = NlAttrs.u32(b, a);
                case Rta.TABLE -> table = NlAttrs.u32(b, a);
                default -> {
                }
            }
        }
        if (destination == null) {
            destination = zeroAddress(family);
        }
        return new Route(type, new IpPrefix(destination, dstLength), gateway, outputIndex, table, protocol, scope, priority,
                preferredSource);
    }


    private static InetAddress zeroAddress(int family) {
        try {
            return InetAddress.getByAddress(new byte[family == Nl.AF_INET6 ? 16 : 4]);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
