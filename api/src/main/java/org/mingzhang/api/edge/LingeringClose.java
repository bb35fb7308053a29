package org.mingzhang.api.edge;

import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.http.server.netty.NettyServerCustomizer;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.channel.socket.ChannelInputShutdownEvent;
import io.netty.channel.socket.DuplexChannel;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.ScheduledFuture;
import jakarta.inject.Singleton;
import java.util.concurrent.TimeUnit;

/**
 * Closes a client's connection the way a careful server does: the answer first, then the end of our side, then the
 * rest of what the client is still sending read and thrown away, and only then the socket.
 *
 * <p>The server closes a connection right after it refuses a request it did not read to the end: headers or a request
 * line over the limit, a body over the limit (413 and {@code connection: close}). Closed at once, the socket still holds
 * bytes the client sent and the server never read, so the kernel answers with a reset, and a client that is still
 * sending often loses the answer it was about to read: it sees "connection reset" instead of the problem that says
 * what was wrong. (That is why web servers linger on close, nginx's {@code lingering_close} for one.) Here every close
 * of a client's connection first flushes what was written, then shuts down only our side of it (the client reads the
 * answer and then the end), discards whatever still arrives, and closes when the client closes its side or after
 * {@link #LINGER_MILLIS} at most, whichever comes first.
 */
public final class LingeringClose extends ChannelDuplexHandler {

    /** How long a closing connection still reads and discards what the client sends, at most. */
    public static final long LINGER_MILLIS = 2_000;

    static final String NAME = "mingzhang-lingering-close";

    private boolean lingering;
    private ChannelPromise closing;
    private ScheduledFuture<?> deadline;

    @Override
    public void close(ChannelHandlerContext ctx, ChannelPromise promise) {
        if (lingering) {
            // Closed again while lingering (the deadline, the client's end, a shutdown of the server): close now.
            closeNow(ctx, promise);
            return;
        }
        if (!(ctx.channel() instanceof DuplexChannel duplex) || !duplex.isActive() || duplex.isOutputShutdown()) {
            ctx.close(promise);
            return;
        }
        lingering = true;
        closing = promise;
        // The empty write completes after everything written before it reached the socket; only then is our side ended.
        ctx.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(written -> {
            if (!written.isSuccess() || !duplex.isActive()) {
                closeNow(ctx, ctx.newPromise());
                return;
            }
            duplex.shutdownOutput().addListener(shut -> {
                if (!shut.isSuccess()) {
                    closeNow(ctx, ctx.newPromise());
                    return;
                }
                deadline = ctx.executor().schedule(() -> closeNow(ctx, ctx.newPromise()), LINGER_MILLIS,
                        TimeUnit.MILLISECONDS);
                ctx.read(); // keep reading even where the pipeline had stopped reading, so the client's bytes drain
            });
        });
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (lingering) {
            ReferenceCountUtil.release(msg); // the answer has been given; what still arrives is not a request
            ctx.read();
            return;
        }
        ctx.fireChannelRead(msg);
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
        if (lingering && event instanceof ChannelInputShutdownEvent) {
            closeNow(ctx, ctx.newPromise()); // the client has sent its last byte and read our end
            return;
        }
        ctx.fireUserEventTriggered(event);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (deadline != null) {
            deadline.cancel(false);
        }
        if (closing != null) {
            closing.trySuccess();
        }
        ctx.fireChannelInactive();
    }

    private void closeNow(ChannelHandlerContext ctx, ChannelPromise promise) {
        if (deadline != null) {
            deadline.cancel(false);
        }
        ctx.close(promise).addListener(closed -> {
            if (closing != null) {
                closing.trySuccess();
            }
        });
    }

    /** Puts the handler first in every client connection's pipeline, so that every close passes through it. */
    @Singleton
    static final class Installer implements BeanCreatedEventListener<NettyServerCustomizer.Registry> {
        @Override
        public NettyServerCustomizer.Registry onCreated(BeanCreatedEvent<NettyServerCustomizer.Registry> event) {
            event.getBean().register(new OnConnection(null));
            return event.getBean();
        }
    }

    private record OnConnection(Channel channel) implements NettyServerCustomizer {
        @Override
        public NettyServerCustomizer specializeForChannel(Channel channel, ChannelRole role) {
            return role == ChannelRole.CONNECTION ? new OnConnection(channel) : this;
        }

        @Override
        public void onInitialPipelineBuilt() {
            if (channel != null) {
                channel.pipeline().addFirst(NAME, new LingeringClose());
            }
        }
    }
}
