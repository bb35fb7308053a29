package org.mingzhang.register;

/** Which way an entry of the memorandum register moves goods: received ({@code IN}) or handed out ({@code OUT}). */
public enum GoodsDirection {
    IN, OUT
}
