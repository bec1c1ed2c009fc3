package org.openpe.netlink.internal.ffi;

import java.nio.ByteBuffer;

import jnr.ffi.byref.IntByReference;
import jnr.ffi.types.size_t;
import jnr.ffi.types.ssize_t;
import jnr.ffi.types.u_int64_t;

/**
 * The few libc functions the netlink codec and the namespace handling need. Buffers are always direct
 * {@link ByteBuffer}s, which jnr-ffi passes by address without copying.
 */
public interface LibC {
    int socket(int domain, int type, int protocol);

    int bind(int fd, ByteBuffer sockaddr, int length);

    int getsockname(int fd, ByteBuffer sockaddr, IntByReference length);

    int setsockopt(int fd, int level, int option, ByteBuffer value, int length);

    @ssize_t long send(int fd, ByteBuffer buffer, @size_t long length, int flags);

    @ssize_t long recv(int fd, ByteBuffer buffer, @size_t long length, int flags);

    int close(int fd);

    int open(String path, int flags, int mode);

    int flock(int fd, int operation);

    int unshare(int flags);

    int setns(int fd, int nstype);

    int mount(String source, String target, String fstype, @u_int64_t long flags, String data);

    int umount2(String target, int flags);

    String strerror(int errno);
}
