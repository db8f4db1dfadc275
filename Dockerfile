FROM python:3.11-slim
WORKDIR /app
COPY pyproject.toml README.md LICENSE ./
COPY maillage ./maillage
COPY graph ./graph
COPY loaders ./loaders
COPY reports ./reports
COPY dashboard ./dashboard
RUN pip install --no-cache-dir . && useradd --create-home maillage
USER maillage
EXPOSE 8050
CMD ["maillage", "serve", "--host", "0.0.0.0", "--port", "8050"]
