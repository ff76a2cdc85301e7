package dev.auditsdk.moduletest;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The classes a class file refers to, read from its constant pool: class entries and the class
 * names inside descriptors and generic signatures. Enough to draw package dependencies without a
 * bytecode library.
 */
final class ClassReferences {
    private static final Pattern IN_DESCRIPTOR = Pattern.compile("L([A-Za-z0-9_$/]+)[;<]");

    private ClassReferences() {
    }

    /**
     * @param classFile the bytes of a class file
     * @return the binary names (dots) of the classes it refers to
     */
    static Set<String> of(byte[] classFile) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(classFile))) {
            if (in.readInt() != 0xCAFEBABE) {
                throw new IllegalArgumentException("not a class file");
            }
            in.readUnsignedShort();
            in.readUnsignedShort();
            int count = in.readUnsignedShort();
            String[] utf8 = new String[count];
            List<Integer> classNameIndexes = new ArrayList<>();
            for (int i = 1; i < count; i++) {
                int tag = in.readUnsignedByte();
                switch (tag) {
                    case 1: utf8[i] = in.readUTF(); break;
                    case 7: classNameIndexes.add(in.readUnsignedShort()); break;
                    case 8: case 16: case 19: case 20: in.readUnsignedShort(); break;
                    case 15: in.readUnsignedByte(); in.readUnsignedShort(); break;
                    case 3: case 4: case 9: case 10: case 11: case 12: case 17: case 18: in.readInt(); break;
                    case 5: case 6: in.readLong(); i++; break;
                    default: throw new IllegalArgumentException("unknown constant pool tag " + tag + " at " + i);
                }
            }
            Set<String> out = new TreeSet<>();
            for (int index : classNameIndexes) {
                String name = utf8[index];
                if (name.startsWith("[")) {
                    addFromDescriptor(name, out);
                } else {
                    out.add(name.replace('/', '.'));
                }
            }
            for (String s : utf8) {
                if (s != null && (s.startsWith("(") || s.startsWith("L") || s.startsWith("<") || s.startsWith("["))) {
                    addFromDescriptor(s, out);
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void addFromDescriptor(String descriptor, Set<String> out) {
        Matcher m = IN_DESCRIPTOR.matcher(descriptor);
        while (m.find()) {
            out.add(m.group(1).replace('/', '.'));
        }
    }
}
