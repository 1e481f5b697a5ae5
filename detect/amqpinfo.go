package detect

import (
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
)

// AMQPInfo stands for nmap's amqp-info: it sends the AMQP 0-9-1
// protocol header and reads the server's Connection.Start method, whose
// server-properties table names the broker (RabbitMQ sends "product",
// "version" and "platform"). The product and version become the port's,
// and extrainfo the protocol version the server offers, "MAJOR-MINOR"
// (nmap 7.93 on rabbitmq-server 3.10.8: RabbitMQ 3.10.8 (0-9)); probed
// with confidence 10.
type AMQPInfo struct{}

func (AMQPInfo) Name() string { return "amqp-info" }
func (AMQPInfo) Rule() Rule {
	return Rule{Ports: []int{5672}, Services: []string{"amqp"}, MinIntensity: 7}
}
func (AMQPInfo) Sets() []Field { return []Field{FProduct, FVersion, FInfo} }

// amqpHeader is the protocol header of AMQP 0-9-1 (section 4.2.2).
var amqpHeader = []byte("AMQP\x00\x00\x09\x01")

func (AMQPInfo) Detect(ctx context.Context, env *Env, p *Port) (*Update, error) {
	conn, err := dialWait(ctx, env, false)
	if err != nil {
		return nil, err
	}
	defer conn.Close()
	if _, err := conn.Write(amqpHeader); err != nil {
		return nil, err
	}
	payload, err := readAMQPFrame(conn)
	if err != nil {
		return nil, err
	}
	props, err := ParseConnectionStart(payload)
	if err != nil {
		return nil, err
	}
	proto := fmt.Sprintf("%d-%d", payload[4], payload[5])
	env.Trace("Service scan detector amqp-info: %s:%d is %q %q", p.Addr, p.Number, props["product"], props["version"])
	if props["product"] == "" && props["version"] == "" {
		return nil, nil
	}
	return &Update{Product: props["product"], Version: props["version"], Info: proto, Match: Hard}, nil
}

// maxAMQPFrame bounds the Connection.Start frame read (RabbitMQ's is
// about 500 bytes; the protocol's minimum frame-max is 4096).
const maxAMQPFrame = 64 << 10

// readAMQPFrame reads one method frame on channel 0 and returns its
// payload (section 4.2.3: type 1, channel, size, payload, frame-end 0xCE).
func readAMQPFrame(r io.Reader) ([]byte, error) {
	var hdr [7]byte
	if _, err := io.ReadFull(r, hdr[:]); err != nil {
		return nil, err
	}
	if hdr[0] != 1 || binary.BigEndian.Uint16(hdr[1:]) != 0 {
		return nil, errors.New("amqp-info: not a method frame on channel 0")
	}
	n := binary.BigEndian.Uint32(hdr[3:])
	if n > maxAMQPFrame {
		return nil, errors.New("amqp-info: frame too large")
	}
	buf := make([]byte, n+1)
	if _, err := io.ReadFull(r, buf); err != nil {
		return nil, err
	}
	if buf[n] != 0xCE {
		return nil, errors.New("amqp-info: no frame-end")
	}
	return buf[:n], nil
}

// ParseConnectionStart decodes a Connection.Start method (class 10,
// method 10) and returns the string entries of its server-properties
// table; entries of other types are skipped.
func ParseConnectionStart(b []byte) (map[string]string, error) {
	if len(b) < 10 || binary.BigEndian.Uint16(b) != 10 || binary.BigEndian.Uint16(b[2:]) != 10 {
		return nil, errors.New("amqp-info: not Connection.Start")
	}
	b = b[6:] // class, method, version-major, version-minor
	n := binary.BigEndian.Uint32(b)
	if uint64(n) > uint64(len(b)-4) {
		return nil, errors.New("amqp-info: server-properties cut short")
	}
	table := b[4 : 4+n]
	props := map[string]string{}
	for len(table) > 0 {
		kl := int(table[0])
		if len(table) < 1+kl+1 {
			return nil, errors.New("amqp-info: field table cut short")
		}
		key, typ := string(table[1:1+kl]), table[1+kl]
		table = table[2+kl:]
		size, ok := amqpFieldSize(typ, table)
		if !ok || size > len(table) {
			return nil, errors.New("amqp-info: bad field value")
		}
		if typ == 'S' {
			props[key] = string(table[4:size])
		}
		table = table[size:]
	}
	return props, nil
}

// amqpFieldSize is the size of a field value of type typ at the start of
// b (AMQP 0-9-1 field types as brokers send them: RabbitMQ's errata).
func amqpFieldSize(typ byte, b []byte) (int, bool) {
	switch typ {
	case 't', 'b', 'B':
		return 1, true
	case 's', 'u':
		return 2, true
	case 'I', 'i', 'f':
		return 4, true
	case 'D':
		return 5, true
	case 'l', 'L', 'd', 'T':
		return 8, true
	case 'V':
		return 0, true
	case 'S', 'A', 'F', 'x':
		if len(b) < 4 {
			return 0, false
		}
		n := binary.BigEndian.Uint32(b)
		if uint64(n) > uint64(len(b)-4) {
			return 0, false
		}
		return 4 + int(n), true
	}
	return 0, false
}
