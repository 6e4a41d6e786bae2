// A virtual Z-Wave controller: zwave-js's own MockController behind a TCP
// serial port on 127.0.0.1, with SmartStart and a JSON-lines control port.
//
// Rules:
// - Both ports bind 127.0.0.1 only; nothing is advertised (no mDNS).
// - The TCP byte stream is split into single ACK/NAK/CAN bytes and whole SOF
//   frames before the mock controller sees it (it handles one frame per chunk).
// - SmartStart: the listening request (0x09) is a flag, a Stop while not adding
//   is acknowledged without effect, and 0x08 (add by DSK) includes the powered
//   device whose NWI home ID matches, through zwave-js's stock add-node handler.
// - A device's DSK is the first 16 bytes of its own ECDH public key; the key
//   pair is made when the device is created and handed to the node it becomes.
// - Once ready, one JSON line {"serial_port", "control_port"} goes to stdout.
//
// Usage: node controller.mjs [--port N] [--control-port N] [--home-id HEX]
//        [--retry-interval SECONDS] [--silent-timeout SECONDS]

import net from "node:net";
import { randomBytes } from "node:crypto";
import {
	CommandClasses,
	SecurityClass,
	dskToString,
	generateECDHKeyPair,
	nwiHomeIdFromDSK,
} from "@zwave-js/core";
import {
	Security2CCKEXFail,
	Security2CCKEXSet,
	KEXFailType,
} from "@zwave-js/cc";
import {
	Faucet,
	FunctionType,
	Message,
	MessageType,
	ZWaveSerialFrameType,
} from "@zwave-js/serial";
import {
	AddNodeStatus,
	AddNodeToNetworkRequest,
	AddNodeToNetworkRequestStatusReport,
	AddNodeType,
} from "@zwave-js/serial/serialapi";
import { createAndOpenMockedZWaveSerialPort } from "@zwave-js/serial/mock";
import { MockController } from "@zwave-js/testing";
import {
	createDefaultMockControllerBehaviors,
} from "zwave-js/Testing";

const ACK = 0x06;
const NAK = 0x15;
const CAN = 0x18;
const SOF = 0x01;
const SMART_START_HOME_ID_RECEIVED = 0x85;
const INCLUSION_STATE = "inclusionState"; // MockControllerStateKeys.InclusionState
const ADDING_NODE = 1; // MockControllerInclusionState.AddingNode
const VARIANTS = ["normal", "s2_fail", "silent", "wrong_label"];
// A binary switch: generic 0x10, specific 0x01.
const DEVICE_CLASSES = { basic: 0x04, generic: 0x10, specific: 0x01 };
const REQUESTED_CLASSES = [
	SecurityClass.S2_Unauthenticated,
	SecurityClass.S2_Authenticated,
];

function parseArgs(argv) {
	const options = {
		port: 0,
		controlPort: 0,
		homeId: undefined,
		retryInterval: 4,
		silentTimeout: 2,
	};
	for (let i = 0; i < argv.length; i += 2) {
		const [name, value] = [argv[i], argv[i + 1]];
		if (value === undefined) throw new Error(`${name} needs a value`);
		if (name === "--port") options.port = Number(value);
		else if (name === "--control-port") options.controlPort = Number(value);
		else if (name === "--home-id") options.homeId = parseInt(value, 16);
		else if (name === "--retry-interval") options.retryInterval = Number(value);
		else if (name === "--silent-timeout") options.silentTimeout = Number(value);
		else throw new Error(`unknown option ${name}`);
	}
	return options;
}

/** Splits a serial byte stream into single control bytes and whole frames. */
export class FrameSplitter {
	constructor() {
		this.buffer = new Uint8Array(0);
	}

	/** Feed bytes; return the complete units found so far. */
	push(chunk) {
		const merged = new Uint8Array(this.buffer.length + chunk.length);
		merged.set(this.buffer);
		merged.set(chunk, this.buffer.length);
		const units = [];
		let offset = 0;
		while (offset < merged.length) {
			const head = merged[offset];
			if (head === ACK || head === NAK || head === CAN) {
				units.push(merged.slice(offset, offset + 1));
				offset += 1;
			} else if (head === SOF) {
				if (merged.length - offset < 2) break;
				const total = merged[offset + 1] + 2;
				if (merged.length - offset < total) break;
				units.push(merged.slice(offset, offset + total));
				offset += total;
			} else {
				offset += 1; // noise between frames: a real controller drops it
			}
		}
		this.buffer = merged.slice(offset);
		return units;
	}
}

function hex(bytes) {
	return Buffer.from(bytes).toString("hex");
}

class VirtualZWaveController {
	constructor(options) {
		this.options = options;
		this.devices = new Map(); // id -> device
		this.nextDeviceId = 1;
		this.listening = false;
		this.hostConnected = false;
		this.socket = undefined;
	}

	async start() {
		const { serial, port: mockPort } = await createAndOpenMockedZWaveSerialPort();
		this.serial = serial;
		this.mockPort = mockPort;
		this.controller = await MockController.create({
			homeId: this.options.homeId ?? randomBytes(4).readUInt32BE(0),
			ownNodeId: 1,
			// The mock needs S2 set up to relay S2 at all; its own random keys
			// are not the driver's, so a node gets the network's keys only
			// through S2 bootstrapping.
			securityKeys: {
				S2_AccessControl: randomBytes(16),
				S2_Authenticated: randomBytes(16),
				S2_Unauthenticated: randomBytes(16),
				S0_Legacy: randomBytes(16),
			},
			mockPort,
			serial,
		});
		this.controller.defineBehavior(...createDefaultMockControllerBehaviors());
		this.controller.defineBehavior(this.smartStartBehavior());
		this.faucet = new Faucet(serial.readable);
		this.serialServer = net.createServer((socket) => this.onHost(socket));
		this.serialServer.maxConnections = 1;
		this.controlServer = net.createServer((socket) => this.onControl(socket));
		const serialPort = await listen(this.serialServer, this.options.port);
		const controlPort = await listen(this.controlServer, this.options.controlPort);
		process.stdout.write(
			`${JSON.stringify({ serial_port: serialPort, control_port: controlPort })}\n`,
		);
	}

	async stop() {
		for (const device of this.devices.values()) clearInterval(device.timer);
		this.socket?.destroy();
		this.serialServer?.close();
		this.controlServer?.close();
		this.controller?.destroy();
		await this.serial?.close();
		this.mockPort?.destroy();
	}

	onHost(socket) {
		this.socket = socket;
		this.hostConnected = true;
		const writable = new WritableStream({
			write: (chunk) => {
				if (chunk.type !== ZWaveSerialFrameType.SerialAPI) return;
				socket.write(
					typeof chunk.data === "number" ? Uint8Array.from([chunk.data]) : chunk.data,
				);
			},
		});
		this.faucet.connect(writable);
		const splitter = new FrameSplitter();
		// One queue, so units reach the mock controller in the order they came.
		let writing = Promise.resolve();
		socket.on("data", (chunk) => {
			for (const unit of splitter.push(chunk)) {
				writing = writing.then(() =>
					this.serial.writeAsync(unit).catch((e) => {
						console.error("error writing to the mock controller", e);
					}),
				);
			}
		});
		socket.on("error", () => socket.destroy());
		socket.on("close", () => {
			this.faucet.disconnect();
			void writable.close().catch(() => {});
			this.hostConnected = false;
			this.listening = false;
			if (this.socket === socket) this.socket = undefined;
		});
	}

	/** The controller side of SmartStart, in front of the stock behaviours. */
	smartStartBehavior() {
		return {
			onHostData: (controller, data) => {
				// Remember the NWI home ID of an "add by DSK" request: the parsed
				// message does not keep it.
				if (
					data.length >= 11
					&& data[0] === SOF
					&& data[2] === MessageType.Request
					&& data[3] === FunctionType.AddNodeToNetwork
					&& (data[4] & 0x0f) === AddNodeType.SmartStartDSK
				) {
					this.requestedHomeId = hex(data.subarray(6, 10));
				}
				return false;
			},
			onHostMessage: async (controller, msg) => {
				if (!(msg instanceof AddNodeToNetworkRequest)) return false;
				const adding = controller.state.get(INCLUSION_STATE) === ADDING_NODE;
				if (msg.addNodeType === AddNodeType.SmartStartListen) {
					this.listening = true;
					this.requestAll();
					return true;
				}
				if (msg.addNodeType === AddNodeType.Stop && !adding) {
					this.listening = false;
					if (msg.callbackId !== 0) {
						await controller.sendMessageToHost(
							new AddNodeToNetworkRequestStatusReport({
								callbackId: msg.callbackId,
								status: AddNodeStatus.Failed,
							}),
						);
					}
					return true;
				}
				if (msg.addNodeType === AddNodeType.SmartStartDSK && !adding) {
					this.listening = false;
					return this.addByDsk(controller, msg);
				}
				return false;
			},
		};
	}

	/** 0x08: include the powered device the NWI home ID names, or time out. */
	async addByDsk(controller, msg) {
		const device = [...this.devices.values()].find(
			(d) => d.powered && d.nodeId === undefined && d.nwiHomeId === this.requestedHomeId,
		);
		if (device && device.variant !== "silent") {
			device.nodeId = this.freeNodeId();
			device.state = "including";
			controller.nodePendingInclusion = {
				id: device.nodeId,
				capabilities: {
					...DEVICE_CLASSES_CAPABILITIES,
					securityClasses: new Set(REQUESTED_CLASSES),
					commandClasses: [
						{ ccId: CommandClasses["Security 2"], isSupported: true, version: 1 },
						{ ccId: CommandClasses["Binary Switch"], isSupported: true, version: 2 },
						{ ccId: CommandClasses.Version, isSupported: true, version: 3 },
						{
							ccId: CommandClasses["Manufacturer Specific"],
							isSupported: true,
							version: 2,
						},
					],
				},
				setup: (node) => {
					node.ecdhKeyPair = device.keyPair;
					if (device.variant === "s2_fail") node.defineBehavior(failKeyExchange);
					device.state = "included";
					clearInterval(device.timer);
				},
			};
			return false; // the stock handler runs the inclusion
		}
		// Nobody answers: ready, then the protocol's timeout.
		await controller.sendMessageToHost(
			new AddNodeToNetworkRequestStatusReport({
				callbackId: msg.callbackId,
				status: AddNodeStatus.Ready,
			}),
		);
		setTimeout(() => {
			void controller
				.sendMessageToHost(
					new AddNodeToNetworkRequestStatusReport({
						callbackId: msg.callbackId,
						status: AddNodeStatus.Failed,
					}),
				)
				.catch(() => {});
		}, this.options.silentTimeout * 1000);
		return true;
	}

	freeNodeId() {
		const used = new Set([this.controller.ownNodeId, ...this.controller.nodes.keys()]);
		for (const device of this.devices.values()) {
			if (device.nodeId !== undefined) used.add(device.nodeId);
		}
		let id = 2;
		while (used.has(id)) id++;
		return id;
	}

	async addDevice(variant) {
		if (!VARIANTS.includes(variant)) throw new Error(`unknown variant ${variant}`);
		const keyPair = await generateECDHKeyPair();
		const dskBytes = keyPair.publicKey.slice(0, 16);
		const labelBytes = Uint8Array.from(dskBytes);
		if (variant === "wrong_label") {
			// Same PIN and NWI home ID (bytes 8-11), so the driver finds the
			// entry and includes the device, but the key the device shows
			// during S2 bootstrapping does not match the label's DSK.
			labelBytes[2] ^= 0x5a;
		}
		const id = String(this.nextDeviceId++);
		const device = {
			id,
			variant,
			keyPair,
			dsk: dskToString(dskBytes),
			labelDsk: dskToString(labelBytes),
			nwiHomeId: hex(nwiHomeIdFromDSK(dskBytes)),
			powered: false,
			nodeId: undefined,
			state: "off",
			requests: 0,
		};
		this.devices.set(id, device);
		return device;
	}

	/** Power a device on: it sends inclusion requests until it is included. */
	async power(id) {
		const device = this.devices.get(id);
		if (!device) throw new Error(`no device ${id}`);
		if (device.powered) return this.request(device);
		device.powered = true;
		device.state = "requesting";
		device.timer = setInterval(() => {
			void this.request(device).catch(() => {});
		}, this.options.retryInterval * 1000);
		return this.request(device);
	}

	/** Power a device off: it stops asking (an included one stays in the network). */
	powerOff(id) {
		const device = this.devices.get(id);
		if (!device) throw new Error(`no device ${id}`);
		clearInterval(device.timer);
		device.powered = false;
		if (device.state === "requesting") device.state = "off";
	}

	requestAll() {
		for (const device of this.devices.values()) {
			if (device.powered && device.state === "requesting") {
				void this.request(device).catch(() => {});
			}
		}
	}

	/** One SmartStart inclusion request, heard only while the controller listens. */
	async request(device) {
		if (!this.listening || !this.hostConnected || device.state !== "requesting") {
			return false;
		}
		const ccs = [
			CommandClasses["Security 2"],
			CommandClasses["Binary Switch"],
			CommandClasses.Version,
			CommandClasses["Manufacturer Specific"],
		];
		const payload = Uint8Array.from([
			SMART_START_HOME_ID_RECEIVED,
			0, // source node ID: none yet
			0, // RX status
			...Buffer.from(device.nwiHomeId, "hex"),
			ccs.length,
			DEVICE_CLASSES.basic,
			DEVICE_CLASSES.generic,
			DEVICE_CLASSES.specific,
			...ccs,
		]);
		device.requests++;
		await this.controller.sendMessageToHost(
			new Message({
				type: MessageType.Request,
				functionType: FunctionType.ApplicationUpdateRequest,
				payload,
			}),
		);
		return true;
	}

	describe(device) {
		return {
			id: device.id,
			variant: device.variant,
			dsk: device.dsk,
			label_dsk: device.labelDsk,
			requested_security_classes: REQUESTED_CLASSES,
			generic_device_class: DEVICE_CLASSES.generic,
			specific_device_class: DEVICE_CLASSES.specific,
			state: device.state,
			node_id: device.nodeId ?? null,
			requests: device.requests,
		};
	}

	async handle(request) {
		switch (request.op) {
			case "add_device": {
				const device = await this.addDevice(request.variant ?? "normal");
				return { device: this.describe(device) };
			}
			case "power": {
				const sent = await this.power(String(request.id));
				return { sent, device: this.describe(this.devices.get(String(request.id))) };
			}
			case "power_off": {
				this.powerOff(String(request.id));
				return { device: this.describe(this.devices.get(String(request.id))) };
			}
			case "status":
				return {
					host_connected: this.hostConnected,
					listening: this.listening,
					home_id: this.controller.homeId.toString(16).padStart(8, "0"),
					nodes: [...this.controller.nodes.keys()],
					devices: [...this.devices.values()].map((d) => this.describe(d)),
				};
			default:
				throw new Error(`unknown op ${request.op}`);
		}
	}

	onControl(socket) {
		let buffered = "";
		socket.setEncoding("utf8");
		socket.on("error", () => socket.destroy());
		socket.on("data", async (text) => {
			buffered += text;
			let newline;
			while ((newline = buffered.indexOf("\n")) >= 0) {
				const line = buffered.slice(0, newline);
				buffered = buffered.slice(newline + 1);
				if (!line.trim()) continue;
				let answer;
				try {
					answer = { ok: true, ...(await this.handle(JSON.parse(line))) };
				} catch (e) {
					answer = { ok: false, error: String(e?.message ?? e) };
				}
				socket.write(`${JSON.stringify(answer)}\n`);
			}
		});
	}
}

const DEVICE_CLASSES_CAPABILITIES = {
	basicDeviceClass: DEVICE_CLASSES.basic,
	genericDeviceClass: DEVICE_CLASSES.generic,
	specificDeviceClass: DEVICE_CLASSES.specific,
	isListening: true,
	isFrequentListening: false,
	isRouting: true,
};

/** A node that refuses the granted keys: S2 bootstrapping fails. */
const failKeyExchange = {
	handleCC(controller, self, receivedCC) {
		if (receivedCC instanceof Security2CCKEXSet && !receivedCC.echo) {
			return {
				action: "sendCC",
				cc: new Security2CCKEXFail({
					nodeId: controller.ownNodeId,
					failType: KEXFailType.NoKeyMatch,
				}),
			};
		}
		return undefined;
	},
};

function listen(server, port) {
	return new Promise((resolve, reject) => {
		server.once("error", reject);
		server.listen({ host: "127.0.0.1", port }, () => {
			server.off("error", reject);
			resolve(server.address().port);
		});
	});
}

if (import.meta.url === `file://${process.argv[1]}`) {
	const controller = new VirtualZWaveController(parseArgs(process.argv.slice(2)));
	const shutdown = () => {
		void controller.stop().finally(() => process.exit(0));
	};
	process.on("SIGTERM", shutdown);
	process.on("SIGINT", shutdown);
	await controller.start();
}
