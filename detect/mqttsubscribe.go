package detect

import (
	"context"
	"errors"
)

// MQTTSubscribe stands for nmap's mqtt-subscribe: it connects to the
// broker as an MQTT 3.1.1 client (clean session, no credentials),
// subscribes to the broker's version topic "$SYS/broker/version" and
// reads the retained message there (Mosquitto publishes "mosquitto
// version 2.0.11"). nmap 7.93 then names the service with that message —
// the whole text becomes the service name, with no product — probed with
// confidence 10. A broker that refuses the connection, or publishes no
// version, keeps its answer. Its rule: TCP port 1883 or 8883, or a port
// named mqtt or secure-mqtt; over TLS when the walk found the port
// inside TLS.
type MQTTSubscribe struct{}

func (MQTTSubscribe) Name() string { return "mqtt-subscribe" }
func (MQTTSubscribe) Rule() Rule {
	return Rule{Ports: []int{1883, 8883}, Services: []string{"mqtt", "secure-mqtt"}, MinIntensity: 7}
}
func (MQTTSubscribe) Sets() []Field { return []Field{FName} }

// mqttVersionTopic is where brokers publish their name and version
// (Mosquitto's $SYS hierarchy; other brokers follow it).
const mqttVersionTopic = "$SYS/broker/version"

// mqttClientID names our session. A fixed id keeps the exchange
// replayable; a broker ends an older session of the same id, which can
// only be another signet scan's.
const mqttClientID = "signet-detect"

// maxMQTTPackets bounds the packets read while waiting for the version.
const maxMQTTPackets = 256

func (MQTTSubscribe) Detect(ctx context.Context, env *Env, p *Port) (*Update, error) {
	conn, err := dialWait(ctx, env, p.Service.Tunnel == "ssl")
	if err != nil {
		return nil, err
	}
	defer conn.Close()
	if _, err := conn.Write(mqttConnect(mqttClientID)); err != nil {
		return nil, err
	}
	first, rest, err := readMQTTPacket(conn)
	if err != nil {
		return nil, err
	}
	if first != 0x20 || len(rest) != 2 || rest[1] != 0 {
		return nil, nil // not a CONNACK accepting the connection
	}
	if _, err := conn.Write(mqttSubscribe(1, mqttVersionTopic)); err != nil {
		return nil, err
	}
	for range maxMQTTPackets {
		first, rest, err := readMQTTPacket(conn)
		if err != nil {
			return nil, err
		}
		topic, payload, ok := parseMQTTPublish(first, rest)
		if !ok || topic != mqttVersionTopic {
			continue
		}
		conn.Write([]byte{0xe0, 0}) // DISCONNECT
		if len(payload) == 0 {
			return nil, nil
		}
		env.Trace("Service scan detector mqtt-subscribe: %s:%d publishes %s %q", p.Addr, p.Number, topic, payload)
		return &Update{Name: string(payload), Match: Hard}, nil
	}
	return nil, errors.New("mqtt-subscribe: no version message")
}
