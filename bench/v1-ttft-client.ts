// Client side of bench/v1-overhead.measure.ts, in its own process so reading the replies never
// competes with the server for its event loop: node bench/v1-ttft-client.ts APP_URL EMULATOR_URL KEY [ROUNDS]
import { benchV1 } from './v1.ts';

const [appURL, emulatorURL, key, rounds] = process.argv.slice(2);
const concurrencies = (process.env.CONCURRENCY ?? '1,10').split(',').map(Number);
process.stdout.write(`${await benchV1({ appURL: appURL!, emulatorURL: emulatorURL!, key: key!, concurrencies, ...(rounds ? { rounds: Number(rounds) } : {}) })}\n`);
