package detect

import (
	"encoding/binary"
	"errors"
	"io"
)

// MQTT 3.1.1 (OASIS, mqtt-v3.1.1-os) control packets, as much as a
// client that connects, subscribes and reads needs.

// mqttString is a UTF-8 string field: a two-byte length, then the bytes.
func mqttString(s string) []byte {
	return append(binary.BigEndian.AppendUint16(nil, uint16(len(s))), s...)
}

// mqttPacket frames a control packet: the type and flags byte, the
// remaining length (section 2.2.3, seven bits a byte), the rest.
func mqttPacket(first byte, rest []byte) []byte {
	out := []byte{first}
	n := len(rest)
	for {
		b := byte(n % 128)
		n /= 128
		if n > 0 {
			b |= 0x80
		}
		out = append(out, b)
		if n == 0 {
			break
		}
	}
	return append(out, rest...)
}

// mqttConnect is a CONNECT packet (section 3.1): protocol "MQTT" level 4,
// a clean session, keep-alive 60 s, the client id.
func mqttConnect(clientID string) []byte {
	v := append(mqttString("MQTT"), 4, 0x02, 0, 60)
	return mqttPacket(0x10, append(v, mqttString(clientID)...))
}

// mqttSubscribe is a SUBSCRIBE packet (section 3.8) for the topic
// filters, each at QoS 0.
func mqttSubscribe(id uint16, filters ...string) []byte {
	b := binary.BigEndian.AppendUint16(nil, id)
	for _, f := range filters {
		b = append(append(b, mqttString(f)...), 0)
	}
	return mqttPacket(0x82, b)
}

// maxMQTTPacket bounds a packet read: $SYS values are short.
const maxMQTTPacket = 64 << 10

// readMQTTPacket reads one control packet: its first byte and the rest.
func readMQTTPacket(r io.Reader) (first byte, rest []byte, err error) {
	var b [1]byte
	if _, err := io.ReadFull(r, b[:]); err != nil {
		return 0, nil, err
	}
	first = b[0]
	n, mult := 0, 1
	for i := 0; ; i++ {
		if i == 4 {
			return 0, nil, errors.New("mqtt: bad remaining length")
		}
		if _, err := io.ReadFull(r, b[:]); err != nil {
			return 0, nil, err
		}
		n += int(b[0]&0x7f) * mult
		mult *= 128
		if b[0]&0x80 == 0 {
			break
		}
	}
	if n > maxMQTTPacket {
		return 0, nil, errors.New("mqtt: packet too large")
	}
	rest = make([]byte, n)
	if _, err := io.ReadFull(r, rest); err != nil {
		return 0, nil, err
	}
	return first, rest, nil
}

// parseMQTTPublish splits a PUBLISH packet's rest into topic and payload
// (section 3.3: the topic, a packet id when QoS > 0, the payload).
func parseMQTTPublish(first byte, rest []byte) (topic string, payload []byte, ok bool) {
	if first>>4 != 3 || len(rest) < 2 {
		return "", nil, false
	}
	n := int(binary.BigEndian.Uint16(rest))
	if 2+n > len(rest) {
		return "", nil, false
	}
	topic, rest = string(rest[2:2+n]), rest[2+n:]
	if (first>>1)&3 != 0 {
		if len(rest) < 2 {
			return "", nil, false
		}
		rest = rest[2:]
	}
	return topic, rest, true
}
