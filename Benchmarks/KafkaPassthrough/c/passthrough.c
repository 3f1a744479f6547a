/*
 * Kafka passthrough benchmark, C anchor: the same work as the Swift KafkaPipeline benchmark, written as a plain
 * librdkafka loop. Group consumer (explicit offset store, auto commit every 5 s), idempotent acks=all producer,
 * each input's offset stored after its output's delivery report. Prints messages/s from the first consumed
 * message to the last delivery.
 *
 *   passthrough load -b BROKERS -t TOPIC -n COUNT -s SIZE [-p PARTITIONS]   produce COUNT messages of SIZE bytes
 *   passthrough run  -b BROKERS -i INPUT -o OUTPUT -g GROUP -n COUNT [-l LINGER_MS]
 */
#include <librdkafka/rdkafka.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static long delivered = 0;
static long failed = 0;

static int64_t now_ns(void) {
        struct timespec ts;
        clock_gettime(CLOCK_MONOTONIC, &ts);
        return (int64_t)ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

static void set(rd_kafka_conf_t *conf, const char *name, const char *value) {
        char err[512];
        if (rd_kafka_conf_set(conf, name, value, err, sizeof(err)) != RD_KAFKA_CONF_OK) {
                fprintf(stderr, "config %s=%s: %s\n", name, value, err);
                exit(2);
        }
}

/* The opaque of each outgoing message: where its input came from. */
struct origin {
        rd_kafka_t *consumer;
        int32_t partition;
        int64_t offset;
        char topic[128];
};

static void on_delivery(rd_kafka_t *rk, const rd_kafka_message_t *m, void *opaque) {
        struct origin *origin = (struct origin *)m->_private;
        (void)rk;
        (void)opaque;
        if (m->err) {
                failed++;
                fprintf(stderr, "delivery failed: %s\n", rd_kafka_err2str(m->err));
        } else {
                delivered++;
                if (origin && origin->consumer) {
                        rd_kafka_topic_partition_list_t *list = rd_kafka_topic_partition_list_new(1);
                        rd_kafka_topic_partition_list_add(list, origin->topic, origin->partition)->offset = origin->offset + 1;
                        rd_kafka_offsets_store(origin->consumer, list);
                        rd_kafka_topic_partition_list_destroy(list);
                }
        }
        free(origin);
}

static rd_kafka_t *make_producer(const char *brokers, const char *linger) {
        char err[512];
        rd_kafka_conf_t *conf = rd_kafka_conf_new();
        set(conf, "bootstrap.servers", brokers);
        set(conf, "client.id", "bench-c");
        set(conf, "enable.idempotence", "true");
        set(conf, "acks", "all");
        set(conf, "linger.ms", linger);
        rd_kafka_conf_set_dr_msg_cb(conf, on_delivery);
        rd_kafka_t *rk = rd_kafka_new(RD_KAFKA_PRODUCER, conf, err, sizeof(err));
        if (!rk) {
                fprintf(stderr, "producer: %s\n", err);
                exit(2);
        }
        return rk;
}

/* Produces, waiting for room while the local queue is full. */
static void produce(rd_kafka_t *producer, const char *topic, int32_t partition, void *key, size_t key_len,
                    void *value, size_t len, rd_kafka_headers_t *headers, struct origin *origin) {
        for (;;) {
                rd_kafka_headers_t *copy = headers ? rd_kafka_headers_copy(headers) : NULL;
                rd_kafka_resp_err_t err = rd_kafka_producev(
                    producer, RD_KAFKA_V_TOPIC(topic), RD_KAFKA_V_PARTITION(partition), RD_KAFKA_V_KEY(key, key_len),
                    RD_KAFKA_V_VALUE(value, len), RD_KAFKA_V_MSGFLAGS(RD_KAFKA_MSG_F_COPY),
                    RD_KAFKA_V_HEADERS(copy), RD_KAFKA_V_OPAQUE(origin), RD_KAFKA_V_END);
                if (!err) return;
                if (copy) rd_kafka_headers_destroy(copy);
                if (err != RD_KAFKA_RESP_ERR__QUEUE_FULL) {
                        fprintf(stderr, "produce: %s\n", rd_kafka_err2str(err));
                        exit(1);
                }
                rd_kafka_poll(producer, 10);
        }
}

static int load(const char *brokers, const char *topic, long count, int size, int partitions) {
        rd_kafka_t *producer = make_producer(brokers, "20");
        char *value = malloc(size);
        for (int i = 0; i < size; i++) value[i] = 'a' + (i % 26);
        int64_t start = now_ns();
        for (long i = 0; i < count; i++) {
                int n = snprintf(value, size, "{\"id\":%ld,", i);
                value[n] = ' ';
                produce(producer, topic, (int32_t)(i % partitions), NULL, 0, value, size, NULL, NULL);
                rd_kafka_poll(producer, 0);
        }
        rd_kafka_flush(producer, 120000);
        double seconds = (now_ns() - start) / 1e9;
        printf("load: %ld messages of %d bytes in %.2f s (%ld delivered, %ld failed)\n", count, size, seconds, delivered, failed);
        rd_kafka_destroy(producer);
        free(value);
        return failed ? 1 : 0;
}

static int run(const char *brokers, const char *input, const char *output, const char *group, long count, const char *linger) {
        char err[512];
        rd_kafka_conf_t *conf = rd_kafka_conf_new();
        set(conf, "bootstrap.servers", brokers);
        set(conf, "client.id", "bench-c");
        set(conf, "group.id", group);
        set(conf, "session.timeout.ms", "6000");
        set(conf, "heartbeat.interval.ms", "2000");
        set(conf, "auto.offset.reset", "earliest");
        set(conf, "partition.assignment.strategy", "cooperative-sticky");
        set(conf, "enable.auto.offset.store", "false");
        set(conf, "enable.auto.commit", "true");
        set(conf, "auto.commit.interval.ms", "5000");
        /* The same consumer fetch settings as Clipper's ConsumerSettings. */
        set(conf, "queued.max.messages.kbytes", "1024");
        set(conf, "max.partition.fetch.bytes", "262144");
        set(conf, "fetch.queue.backoff.ms", "10");
        rd_kafka_t *consumer = rd_kafka_new(RD_KAFKA_CONSUMER, conf, err, sizeof(err));
        if (!consumer) {
                fprintf(stderr, "consumer: %s\n", err);
                return 2;
        }
        rd_kafka_poll_set_consumer(consumer);
        rd_kafka_t *producer = make_producer(brokers, linger);
        rd_kafka_topic_partition_list_t *topics = rd_kafka_topic_partition_list_new(1);
        rd_kafka_topic_partition_list_add(topics, input, RD_KAFKA_PARTITION_UA);
        rd_kafka_subscribe(consumer, topics);
        rd_kafka_topic_partition_list_destroy(topics);

        int64_t start = 0;
        long consumed = 0;
        while (delivered < count) {
                rd_kafka_message_t *m = rd_kafka_consumer_poll(consumer, consumed < count ? 100 : 1);
                rd_kafka_poll(producer, 0);
                if (!m) continue;
                if (m->err) {
                        if (m->err != RD_KAFKA_RESP_ERR__PARTITION_EOF)
                                fprintf(stderr, "consume: %s\n", rd_kafka_message_errstr(m));
                        rd_kafka_message_destroy(m);
                        continue;
                }
                if (!start) start = now_ns();
                consumed++;
                struct origin *origin = malloc(sizeof(*origin));
                origin->consumer = consumer;
                origin->partition = m->partition;
                origin->offset = m->offset;
                snprintf(origin->topic, sizeof(origin->topic), "%s", rd_kafka_topic_name(m->rkt));
                rd_kafka_headers_t *headers = NULL;
                rd_kafka_message_headers(m, &headers);
                produce(producer, output, RD_KAFKA_PARTITION_UA, m->key, m->key_len, m->payload, m->len, headers, origin);
                rd_kafka_message_destroy(m);
        }
        double seconds = (now_ns() - start) / 1e9;
        printf("c: %ld messages in %.3f s = %.0f msg/s\n", count, seconds, count / seconds);
        rd_kafka_commit(consumer, NULL, 0);
        rd_kafka_consumer_close(consumer);
        rd_kafka_destroy(consumer);
        rd_kafka_flush(producer, 10000);
        rd_kafka_destroy(producer);
        return failed ? 1 : 0;
}

int main(int argc, char **argv) {
        const char *brokers = "127.0.0.1:9092", *topic = "bench.in", *input = "bench.in", *output = "bench.out.c",
                   *group = "bench-c", *linger = "5";
        long count = 200000;
        int size = 2048, partitions = 3, opt;
        if (argc < 2) {
                fprintf(stderr, "usage: %s load|run [options]\n", argv[0]);
                return 2;
        }
        const char *mode = argv[1];
        optind = 2;
        while ((opt = getopt(argc, argv, "b:t:i:o:g:n:s:p:l:")) != -1) {
                switch (opt) {
                case 'b': brokers = optarg; break;
                case 't': topic = optarg; break;
                case 'i': input = optarg; break;
                case 'o': output = optarg; break;
                case 'g': group = optarg; break;
                case 'n': count = atol(optarg); break;
                case 's': size = atoi(optarg); break;
                case 'p': partitions = atoi(optarg); break;
                case 'l': linger = optarg; break;
                default: return 2;
                }
        }
        if (!strcmp(mode, "load")) return load(brokers, topic, count, size, partitions);
        if (!strcmp(mode, "run")) return run(brokers, input, output, group, count, linger);
        fprintf(stderr, "unknown mode %s\n", mode);
        return 2;
}
